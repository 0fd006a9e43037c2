-- Each source's number of stored items, kept with its status: /api/sources and /sources read it instead of counting
-- the item table (a scan of the whole store at every request). The store step adds a poll's new items, the
-- retention pruner counts again after it deletes.
ALTER TABLE source_status ADD COLUMN item_count BIGINT NOT NULL DEFAULT 0;
UPDATE source_status SET item_count = (SELECT COUNT(*) FROM item WHERE item.source_id = source_status.source_id);
