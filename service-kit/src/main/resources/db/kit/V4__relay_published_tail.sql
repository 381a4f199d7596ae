-- The outbox relay accounts for what is already on Kafka after its saved heads (vn.thidua.kit.relay.PublishedTail).
-- head_offset: the Kafka offset of the head record, -1 before the first; NULL for rows from before this
-- column (unknown: the relay finds the record with head_hash in the partition once, then saves its offset).
ALTER TABLE relay_chain_head ADD COLUMN head_offset BIGINT;

-- Events found on Kafka after a saved head (sent by a batch that failed before it committed) that the
-- relay has not met again yet: when it does, it does not send them again. Written in the relay's transaction.
CREATE TABLE relay_published_pending (
    event_id     VARCHAR(255) PRIMARY KEY,
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL
);
