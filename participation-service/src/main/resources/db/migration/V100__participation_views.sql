-- participation-service read side (event store, relay, idempotency and consumer tables come from db/kit).

-- Rosters: one row per stay of a member on a unit's roster; left_on is the first day off it.
CREATE TABLE roster_membership (
    unit_code VARCHAR(32)  NOT NULL,
    member_id VARCHAR(64)  NOT NULL,
    joined_on DATE         NOT NULL,
    full_name VARCHAR(200) NOT NULL,
    position  VARCHAR(200),
    left_on   DATE,
    PRIMARY KEY (unit_code, member_id, joined_on)
);
CREATE INDEX roster_membership_member ON roster_membership (member_id);

CREATE TABLE participation_view (
    record_id         VARCHAR(64)   PRIMARY KEY,
    campaign_id       VARCHAR(64)   NOT NULL,
    unit_code         VARCHAR(32)   NOT NULL,
    member_id         VARCHAR(64),
    kind              VARCHAR(16)   NOT NULL,
    occurred_on       DATE          NOT NULL,
    occurred_year     INTEGER       NOT NULL,
    description       VARCHAR(5000) NOT NULL,
    evidence_document VARCHAR(200),
    evidence_link     VARCHAR(2000),
    recorded_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX participation_view_campaign ON participation_view (campaign_id, unit_code);
CREATE INDEX participation_view_member ON participation_view (member_id, occurred_year);
-- one registration (đăng ký thi đua) per member and campaign, and per unit and campaign for the unit itself
CREATE UNIQUE INDEX participation_one_member_registration ON participation_view (campaign_id, member_id)
    WHERE kind = 'REGISTERED' AND member_id IS NOT NULL;
CREATE UNIQUE INDEX participation_one_unit_registration ON participation_view (campaign_id, unit_code)
    WHERE kind = 'REGISTERED' AND member_id IS NULL;

-- What this service has learned from Kafka: campaigns launched, their recipients, years closed.
CREATE TABLE known_campaign (
    campaign_id VARCHAR(64)  PRIMARY KEY,
    kind        VARCHAR(16)  NOT NULL,
    title       VARCHAR(500) NOT NULL,
    period_from DATE         NOT NULL,
    period_to   DATE
);

CREATE TABLE known_recipient (
    campaign_id VARCHAR(64) NOT NULL,
    unit_code   VARCHAR(32) NOT NULL,
    PRIMARY KEY (campaign_id, unit_code)
);

CREATE TABLE closed_year (
    year      INTEGER     PRIMARY KEY,
    digest    CHAR(64)    NOT NULL,
    closed_at TIMESTAMPTZ NOT NULL
);
