-- How often each source is polled and why, as its last poll decided: the publishing rate measured from the times its
-- items were first seen (new items per hour, smoothed over a few hours) and the observed time it rests on, the
-- interval in force and its reason (fixed, rate, floor, ceiling, ttl, backoff). Null until the first poll after this
-- migration.
ALTER TABLE source_status ADD COLUMN arrival_rate DOUBLE PRECISION;
ALTER TABLE source_status ADD COLUMN rate_observed_hours DOUBLE PRECISION;
ALTER TABLE source_status ADD COLUMN poll_interval_seconds BIGINT;
ALTER TABLE source_status ADD COLUMN interval_reason VARCHAR(16);
