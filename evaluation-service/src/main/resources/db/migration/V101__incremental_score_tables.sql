-- The score tables kept up to date by the consumer (issue 16): each applied fact changes the rows it
-- changes, in the transaction that stores it. A year is seeded once with the shared Scorer (on its
-- first read, after a rebuild, at its close); an OPEN year then follows every fact applied, a CLOSED
-- one holds the table at its close's watermark.
DROP TABLE score_year, score_member, score_unit, counted_record;

CREATE TABLE score_year (
    year           INTEGER     PRIMARY KEY,
    status         VARCHAR(8)  NOT NULL,
    policy_version VARCHAR(32) NOT NULL,
    records        BIGINT      NOT NULL, -- the year's records inside its cut, counted or not
    counted        BIGINT      NOT NULL,
    version        BIGINT      NOT NULL, -- a new value with every transaction that changes the year's tables
    changed_at     TIMESTAMPTZ NOT NULL,
    seeded_at      TIMESTAMPTZ NOT NULL
);

-- a member on some unit's roster in the year; the rank is the order of (score desc, member id)
CREATE TABLE score_member (
    year      INTEGER      NOT NULL,
    member_id VARCHAR(64)  NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    score     INTEGER      NOT NULL,
    PRIMARY KEY (year, member_id)
);
CREATE INDEX score_member_order ON score_member (year, score DESC, member_id COLLATE "C");

-- a member on a unit's roster in the year: points under the unit (capped per campaign), whether any counted
CREATE TABLE score_roster (
    year        INTEGER     NOT NULL,
    unit_code   VARCHAR(32) NOT NULL,
    member_id   VARCHAR(64) NOT NULL,
    points      INTEGER     NOT NULL,
    has_records BOOLEAN     NOT NULL,
    PRIMARY KEY (year, unit_code, member_id)
);
CREATE INDEX score_roster_member ON score_roster (year, member_id);

CREATE TABLE score_unit (
    year                 INTEGER       NOT NULL,
    unit_code            VARCHAR(32)   NOT NULL,
    score                NUMERIC(14,2) NOT NULL,
    coverage             NUMERIC(5,2)  NOT NULL,
    collective_points    INTEGER       NOT NULL,
    roster_size          INTEGER       NOT NULL,
    members_with_records INTEGER       NOT NULL,
    member_points        BIGINT        NOT NULL,
    rank                 INTEGER       NOT NULL,
    PRIMARY KEY (year, unit_code)
);

CREATE TABLE counted_record (
    year        INTEGER     NOT NULL,
    record_id   VARCHAR(64) NOT NULL,
    campaign_id VARCHAR(64) NOT NULL,
    unit_code   VARCHAR(32) NOT NULL,
    member_id   VARCHAR(64),
    kind        VARCHAR(16) NOT NULL,
    occurred_on DATE        NOT NULL,
    points      INTEGER     NOT NULL,
    PRIMARY KEY (year, record_id)
);
CREATE INDEX counted_record_member ON counted_record (year, member_id);
CREATE INDEX counted_record_unit_own ON counted_record (year, unit_code) WHERE member_id IS NULL;

-- the slices the tables recompute: a member's records of a year, a unit's own records, a member's roster changes
DROP INDEX ev_record_year;
CREATE INDEX ev_record_member ON ev_record (member_id, occurred_year);
CREATE INDEX ev_record_unit_own ON ev_record (unit_code, occurred_year) WHERE member_id IS NULL;
CREATE INDEX ev_roster_member ON ev_roster (member_id);

-- one order for the versions of every year's tables (a year seeded again never reuses a version)
CREATE SEQUENCE score_version;
