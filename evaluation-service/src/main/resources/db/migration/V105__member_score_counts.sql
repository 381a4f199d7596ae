-- How many members of a year have each score (issue 16). A member's rank was one plus a count over every
-- member above them: ~10 ms per read at 30,000 members, 111,133 reads in the single-record ingest of the
-- 2026-11-27 full run (the end-to-end probes asking for members' lines), the largest cost of the whole
-- stack. Now it is one plus a sum over the year's distinct scores above theirs plus a count of those
-- before them at the same score. Kept by statement triggers on score_member, so every path that writes
-- members (the consumer's upserts and deletes, a seed, forgetting a year) keeps it; TRUNCATE does not
-- fire them: whoever truncates score_member truncates this table too.
CREATE TABLE score_member_count (
    year    INTEGER NOT NULL,
    score   INTEGER NOT NULL,
    members INTEGER NOT NULL,
    PRIMARY KEY (year, score)
);

INSERT INTO score_member_count (year, score, members) SELECT year, score, count(*) FROM score_member GROUP BY year, score;

-- one function for rows added (sign 1) and removed (sign -1), named "changed" by each trigger; rows locked in
-- (year, score) order: two writers of one year never wait for each other in opposite orders
CREATE FUNCTION score_member_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO score_member_count (year, score, members)
    SELECT year, score, TG_ARGV[0]::int * count(*) FROM changed GROUP BY year, score ORDER BY year, score
    ON CONFLICT (year, score) DO UPDATE SET members = score_member_count.members + EXCLUDED.members;
    RETURN NULL;
END $$;

CREATE FUNCTION score_member_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO score_member_count (year, score, members)
    SELECT year, score, sum(d) FROM (SELECT year, score, 1 AS d FROM after UNION ALL SELECT year, score, -1 FROM before) moved
    GROUP BY year, score HAVING sum(d) <> 0 ORDER BY year, score
    ON CONFLICT (year, score) DO UPDATE SET members = score_member_count.members + EXCLUDED.members;
    RETURN NULL;
END $$;

CREATE TRIGGER score_member_counts_added AFTER INSERT ON score_member REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION score_member_counts_changed('1');
CREATE TRIGGER score_member_counts_removed AFTER DELETE ON score_member REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION score_member_counts_changed('-1');
CREATE TRIGGER score_member_counts_moved AFTER UPDATE ON score_member REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION score_member_counts_moved();
