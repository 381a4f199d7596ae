-- The projection's two reads per batch that grow with the year (DECISIONS 59): the members' records of the year
-- (the slice the Scorer recomputes) and the ids of their counted records (what the slice changes), answered from
-- the index alone. Each member's rows sit together in the index, while in the table each is on its own page:
-- measured on a full run's year (730,657 records; 95 members, 2,298 rows), 2,107 pages → 51 and 2,297 → 25.
DROP INDEX ev_record_member;
CREATE INDEX ev_record_member ON ev_record (member_id, occurred_year)
    INCLUDE (record_id, campaign_id, unit_code, kind, occurred_on, partition_no, record_offset);
DROP INDEX counted_record_member;
CREATE INDEX counted_record_member ON counted_record (year, member_id) INCLUDE (record_id);

-- An index-only read needs the page marked all-visible, which a vacuum does; both tables are mostly inserted
-- into, and vacuumed for inserts only after 20% more rows by default: at 1% the recent rows read from the table are few.
ALTER TABLE ev_record SET (autovacuum_vacuum_insert_scale_factor = 0.01);
ALTER TABLE counted_record SET (autovacuum_vacuum_insert_scale_factor = 0.01);
