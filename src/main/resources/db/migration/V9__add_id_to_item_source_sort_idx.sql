-- A source filter reads that source's items newest first and stops at the limit only if the index holds the whole
-- sort key (sort_at, id): PostgreSQL then walks it backwards and stops at the limit, with no sort step.
DROP INDEX item_source_sort_idx;
CREATE INDEX item_source_sort_idx ON item (source_id, sort_at, id);
