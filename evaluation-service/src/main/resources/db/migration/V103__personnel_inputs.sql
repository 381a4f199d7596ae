-- The personnel events of thidua.personnel.v1 (ratings, disciplines, recruitment), kept in log order
-- for the titles' proposals (review.PersonnelInputs folds them with the titles module's PersonnelLog).
CREATE TABLE ev_personnel (
    event_id      text    PRIMARY KEY,
    event_type    text    NOT NULL,
    event_json    text    NOT NULL,
    partition_no  integer NOT NULL,
    record_offset bigint  NOT NULL
);
