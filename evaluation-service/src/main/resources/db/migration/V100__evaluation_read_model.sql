-- evaluation-service read model, rebuilt from the topics by POST /api/projection/rebuild.
-- Facts keep their place in the log (partition, offset): a closed year is scored over the facts
-- before its watermark, so the table is a function of the log, not of when it was read.
CREATE TABLE ev_campaign (
    campaign_id   VARCHAR(64) PRIMARY KEY,
    period_from   DATE        NOT NULL,
    period_to     DATE,
    recipients    TEXT[]      NOT NULL,
    partition_no  INTEGER     NOT NULL,
    record_offset BIGINT      NOT NULL
);

-- roster changes: a join (joined_on set) or a leave (left_on set), in log order per unit
CREATE TABLE ev_roster (
    event_id      VARCHAR(255) PRIMARY KEY,
    unit_code     VARCHAR(32)  NOT NULL,
    member_id     VARCHAR(64)  NOT NULL,
    full_name     VARCHAR(200) NOT NULL,
    joined_on     DATE,
    left_on       DATE,
    partition_no  INTEGER      NOT NULL,
    record_offset BIGINT       NOT NULL
);
CREATE INDEX ev_roster_order ON ev_roster (partition_no, record_offset);

CREATE TABLE ev_record (
    record_id     VARCHAR(64)   PRIMARY KEY,
    campaign_id   VARCHAR(64)   NOT NULL,
    unit_code     VARCHAR(32)   NOT NULL,
    member_id     VARCHAR(64),
    kind          VARCHAR(16)   NOT NULL,
    occurred_on   DATE          NOT NULL,
    occurred_year INTEGER       NOT NULL,
    description   VARCHAR(5000) NOT NULL,
    partition_no  INTEGER       NOT NULL,
    record_offset BIGINT        NOT NULL
);
CREATE INDEX ev_record_year ON ev_record (occurred_year);

-- closed years, as AppraisalClosed says (from this service's own store, and from the topic on a rebuild)
CREATE TABLE appraisal (
    year       INTEGER     PRIMARY KEY,
    digest     CHAR(64)    NOT NULL,
    closed_at  TIMESTAMPTZ NOT NULL,
    event_json TEXT        NOT NULL
);

-- the score tables, recomputed from the facts when they changed and read
CREATE TABLE score_year (
    year           INTEGER     PRIMARY KEY,
    status         VARCHAR(8)  NOT NULL,
    policy_version VARCHAR(32) NOT NULL,
    digest         CHAR(64)    NOT NULL,
    counted        BIGINT      NOT NULL,
    refused        BIGINT      NOT NULL,
    computed_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE score_member (
    year      INTEGER      NOT NULL,
    member_id VARCHAR(64)  NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    score     INTEGER      NOT NULL,
    rank      INTEGER      NOT NULL,
    PRIMARY KEY (year, member_id)
);

CREATE TABLE score_unit (
    year                 INTEGER       NOT NULL,
    unit_code            VARCHAR(32)   NOT NULL,
    score                NUMERIC(14,2) NOT NULL,
    coverage             NUMERIC(5,2)  NOT NULL,
    collective_points    INTEGER       NOT NULL,
    roster_size          INTEGER       NOT NULL,
    members_with_records INTEGER       NOT NULL,
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
