-- The items without a date of their own that retention deleted, by source and item key. Such an item is dated when
-- first seen: if its feed still lists it, it would come back as new, at the top of the lists. seen_at: the last
-- time a poll listed it (or its deletion); a key that no poll has listed for the retention is forgotten.
CREATE TABLE pruned_item (
    source_id VARCHAR(64)              NOT NULL,
    item_key  VARCHAR(64)              NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pruned_item_pk PRIMARY KEY (source_id, item_key)
);

-- Forgotten oldest first.
CREATE INDEX pruned_item_seen_idx ON pruned_item (seen_at);
