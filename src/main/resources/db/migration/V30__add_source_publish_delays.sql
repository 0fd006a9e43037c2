-- The publish-to-feed delays of each source's latest new items, in seconds, oldest first, comma-separated: the
-- median and 90th percentile of /api/sources are read from it (the Prometheus histogram has every item).
ALTER TABLE source_status ADD COLUMN recent_delays VARCHAR(2000);
