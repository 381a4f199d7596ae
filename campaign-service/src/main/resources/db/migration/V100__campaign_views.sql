-- campaign-service read side (the event store and relay tables come from db/kit).
CREATE TABLE unit (
    code       VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    head       VARCHAR(200),
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE plan_view (
    plan_id       VARCHAR(64)   PRIMARY KEY,
    number        VARCHAR(64)   NOT NULL,
    issued_on     DATE          NOT NULL,
    issuer        VARCHAR(300)  NOT NULL,
    title         VARCHAR(1000) NOT NULL,
    period_from   DATE,
    period_to     DATE,
    registered_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX plan_view_number ON plan_view (upper(number));

CREATE TABLE campaign_view (
    campaign_id        VARCHAR(64)  PRIMARY KEY,
    kind               VARCHAR(16)  NOT NULL,
    title              VARCHAR(500) NOT NULL,
    content            TEXT         NOT NULL,
    basis_plans        JSONB        NOT NULL,
    period_from        DATE         NOT NULL,
    period_to          DATE,
    document_number    VARCHAR(64)  NOT NULL,
    document_issued_on DATE         NOT NULL,
    signer_name        VARCHAR(200) NOT NULL,
    signer_capacity    VARCHAR(200) NOT NULL,
    launched_at        TIMESTAMPTZ  NOT NULL
);

CREATE TABLE campaign_recipient_view (
    campaign_id     VARCHAR(64)  NOT NULL REFERENCES campaign_view (campaign_id),
    unit_code       VARCHAR(32)  NOT NULL,
    unit_name       VARCHAR(300) NOT NULL,
    notified_at     TIMESTAMPTZ  NOT NULL,
    acknowledged_by VARCHAR(200),
    acknowledged_at TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, unit_code)
);
