-- Whether items stored by a version before link keys (V7) still lack theirs: what each start reads instead of the
-- item table, where nothing indexes a missing link key (item_link_idx goes once every item has its hashes, V41), so
-- that each start read every item before its first poll (0.6 s for 30 000 items). The start-up fill deletes the row
-- once it has reached the last item.
CREATE TABLE pending_backfill (
    name VARCHAR(40) NOT NULL PRIMARY KEY
);
INSERT INTO pending_backfill (name)
SELECT 'link_keys' WHERE EXISTS (SELECT 1 FROM item WHERE link_key IS NULL AND link IS NOT NULL);
