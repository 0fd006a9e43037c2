-- Where a source moved permanently (301/308), and how often its feed says it changes (<ttl>, sy:updatePeriod).
ALTER TABLE source_status ADD COLUMN moved_to VARCHAR(2048);
ALTER TABLE source_status ADD COLUMN declared_interval_seconds BIGINT;
