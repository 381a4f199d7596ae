-- Idempotent Kafka consumers (vn.thidua.kit.consumer.IdempotentConsumer): ids of the events
-- applied, recorded in the same transaction as the read-model change.
CREATE TABLE applied_event (
    event_id   VARCHAR(255) PRIMARY KEY
);

-- Records that broke the contract (unknown type, broken JSON, off-schema): kept, never applied.
CREATE TABLE rejected_event (
    topic         VARCHAR(249) NOT NULL,
    partition_no  INTEGER      NOT NULL,
    record_offset BIGINT       NOT NULL,
    reason        TEXT         NOT NULL,
    rejected_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_no, record_offset)
);
