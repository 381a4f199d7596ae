-- The council's review of a year (package review): the ballots in force and the decision.
CREATE TABLE review_ballot (
    year            integer     NOT NULL,
    subject         text        NOT NULL,
    subject_id      text        NOT NULL,
    title           text        NOT NULL,
    council_members integer     NOT NULL,
    votes_for       integer     NOT NULL,
    passed          boolean     NOT NULL,
    result          text        NOT NULL,
    rule_set        text        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (year, subject, subject_id, title)
);

CREATE TABLE award_decision (
    year       integer PRIMARY KEY,
    event_json text    NOT NULL
);
