-- The keys the random-key indexes are probed with (an item in its source, a story, a link) as numbers: each key's
-- first 64 bits (see KeyHash). Pages of numbers are several times smaller than pages of 64-character keys, and each
-- new item lands at a random place of these indexes, so the store writes much less for it. The queries look the
-- number up and still compare the full key.
-- Only the empty columns and their indexes here: the items stored before get their numbers in the background, in
-- batches (KeyHashBackfill), and the queries use the numbers once every item has them. The indexes of the full
-- keys stay until then. PostgreSQL adds a nullable column without touching the rows; H2 copies the table for each
-- column added (about 25 s for 100 000 items on a busy machine), whichever way it is written.
ALTER TABLE item ADD COLUMN item_hash BIGINT;
ALTER TABLE item ADD COLUMN story_hash BIGINT;
ALTER TABLE item ADD COLUMN link_hash BIGINT;
-- One item per key in a source: a key whose number another key of the source already has is stored without it, and
-- found by its full key (see ItemRepository.insert).
ALTER TABLE item ADD CONSTRAINT item_source_hash_key UNIQUE (source_id, item_hash);
CREATE INDEX item_story_hash_idx ON item (story_hash, sort_at);
CREATE INDEX item_link_hash_idx ON item (link_hash);
