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

-- How far each consumer has applied each partition (the next offset to read), written in the same
-- transaction as the read-model change: a consistent watermark of what the read model holds.
CREATE TABLE consumer_position (
    consumer     VARCHAR(200) NOT NULL,
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    next_offset  BIGINT       NOT NULL,
    PRIMARY KEY (consumer, topic, partition_no)
);
