-- Units' ranks are no longer stored (issue 16's cost at province size): a score that moved rewrote the
-- rank of every unit between its old and new place, in each fact's transaction. The units' table is
-- ranked as it is read, with the Scorer's order over the year's few hundred stored lines.
ALTER TABLE score_unit DROP COLUMN rank;
