-- The records of a year newest first (the list's order) and counted from a day on (the officer's
-- overview: the year's records, this month's): read from this index instead of sorting and counting
-- the year's rows (at province size, 600,000 rows: 334 ms per overview, bench of 2026-11-26).
CREATE INDEX participation_view_year_date ON participation_view (occurred_year, occurred_on DESC, record_id);
