-- The story index: for each item, the hashes of the bands of its headline's MinHash signature (see StoryBands).
-- An incoming item reads the few rows that share one of its bands, within the time window, instead of the store.
CREATE TABLE story_band (
    band_hash BIGINT                   NOT NULL,
    sort_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    item_id   BIGINT                   NOT NULL
);

-- The lookup: one band, a time range, newest first, stopping at a few dozen rows however many share the band.
CREATE INDEX story_band_idx ON story_band (band_hash, sort_at DESC);
-- Deleting the bands of an item (an edited headline, the cascade from a pruned item). Created before the foreign
-- key, so that H2 uses it for the key instead of adding an index of its own.
CREATE INDEX story_band_item_idx ON story_band (item_id);
ALTER TABLE story_band ADD CONSTRAINT story_band_item_fk FOREIGN KEY (item_id) REFERENCES item (id) ON DELETE CASCADE;
