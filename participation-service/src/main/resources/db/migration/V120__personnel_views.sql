-- participation-service: the year-end review's inputs (issue 19), projections of thidua.personnel.v1's
-- events, in the command's transaction. Each row is the last event of its kind for its key.

CREATE TABLE member_rating (
    member_id VARCHAR(64) NOT NULL,
    year      INTEGER     NOT NULL,
    unit_code VARCHAR(32) NOT NULL,
    rating    VARCHAR(16) NOT NULL,
    PRIMARY KEY (member_id, year)
);
CREATE INDEX member_rating_unit ON member_rating (unit_code, year);

CREATE TABLE unit_rating (
    unit_code VARCHAR(32) NOT NULL,
    year      INTEGER     NOT NULL,
    rating    VARCHAR(16) NOT NULL,
    PRIMARY KEY (unit_code, year)
);

CREATE TABLE member_discipline (
    member_id       VARCHAR(64) NOT NULL,
    decision_number VARCHAR(64) NOT NULL,
    unit_code       VARCHAR(32) NOT NULL,
    level           VARCHAR(24) NOT NULL,
    from_date       DATE        NOT NULL,
    to_date         DATE,
    PRIMARY KEY (member_id, decision_number)
);

CREATE TABLE member_recruitment (
    member_id    VARCHAR(64) PRIMARY KEY,
    recruited_on DATE        NOT NULL
);
