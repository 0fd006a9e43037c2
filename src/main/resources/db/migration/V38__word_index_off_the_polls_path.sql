-- New items are indexed in the background, in batches (see WordIndex): the state keeps the last item id indexed.
-- A store whose index was complete resumes after its last item; one whose backfill had not finished starts over, a
-- word written twice being written once.
ALTER TABLE word_index_state ADD COLUMN indexed_to BIGINT DEFAULT 0 NOT NULL;
UPDATE word_index_state SET indexed_to = (SELECT COALESCE(MAX(id), 0) FROM item) WHERE complete;
ALTER TABLE word_index_state DROP COLUMN complete;
