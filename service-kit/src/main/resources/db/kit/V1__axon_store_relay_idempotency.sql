-- Shared by every thidua service (Flyway location db/kit; services number theirs from V100).
-- Axon's JDBC event store and token store, in snake_case (see vn.thidua.kit.axon.AxonStore).
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The head of each topic partition's hash chain, written in the relay's transaction together
-- with its token, so that a re-send after a crash repeats the same hashes.
CREATE TABLE relay_chain_head (
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    head_hash    CHAR(64)     NOT NULL,
    event_count  BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

-- Idempotency-Key: the first answer to a request, replayed for a retry with the same key and body.
CREATE TABLE idempotency_key (
    scope        VARCHAR(100)  NOT NULL,
    idem_key     VARCHAR(255)  NOT NULL,
    request_hash CHAR(64)      NOT NULL,
    status       INTEGER       NOT NULL,
    body         TEXT,
    location     TEXT,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
