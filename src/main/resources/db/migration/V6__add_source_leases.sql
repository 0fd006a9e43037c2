-- Several instances share the polling through the database: an instance claims a due source by setting its lease
-- (a conditional UPDATE, so exactly one wins); a crashed instance's leases expire and another takes over.
ALTER TABLE source_status ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE source_status ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- Finding the due sources, oldest due first.
CREATE INDEX source_status_due_idx ON source_status (next_attempt_at);
