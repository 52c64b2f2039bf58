-- Configured years of the holiday calendar (issue 9 item 2). Until now a year counted as configured when it
-- had at least one calendar_day row, so a new year could not be set up: its first day was refused because
-- the year was not configured. A year is now configured when it has a row here; it starts with weekends only
-- and its holidays, compensatory days and make-up working days are added as calendar_day rows.
-- Runs unchanged on PostgreSQL 15 and on H2 2.2.
CREATE TABLE calendar_year (
    calendar_year  INTEGER       NOT NULL PRIMARY KEY,
    created_at     TIMESTAMP WITH TIME ZONE,
    created_by     VARCHAR(100)
);

-- The years already loaded (reference data 2024–2027 and any year edited since).
INSERT INTO calendar_year (calendar_year)
    SELECT DISTINCT CAST(EXTRACT(YEAR FROM calendar_date) AS INTEGER) FROM calendar_day;
