-- Applied events and rejected records kept per consumer (as positions already are), so that one
-- consumer starting over (a projection rebuild) forgets only its own. Rows from before belong to the
-- service's one consumer.
ALTER TABLE applied_event ADD COLUMN consumer VARCHAR(200);
UPDATE applied_event SET consumer = coalesce((SELECT min(consumer) FROM consumer_position), '');
ALTER TABLE applied_event ALTER COLUMN consumer SET NOT NULL;
ALTER TABLE applied_event DROP CONSTRAINT applied_event_pkey;
ALTER TABLE applied_event ADD PRIMARY KEY (consumer, event_id);

ALTER TABLE rejected_event ADD COLUMN consumer VARCHAR(200);
UPDATE rejected_event SET consumer = coalesce((SELECT min(consumer) FROM consumer_position), '');
ALTER TABLE rejected_event ALTER COLUMN consumer SET NOT NULL;
ALTER TABLE rejected_event DROP CONSTRAINT rejected_event_pkey;
ALTER TABLE rejected_event ADD PRIMARY KEY (consumer, topic, partition_no, record_offset);
