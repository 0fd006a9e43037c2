-- What recognises a dropped or pruned item that its feed lists again under a new guid, as a stored item is recognised
-- (dedup's RelabelledItems): its link key, its headline, and for a dropped item its date when its feed gave one. A
-- feed whose guids change at every fetch otherwise had each of its dropped items remembered again at every poll, and
-- its pruned items stored again as new. Null in the rows remembered before: those are found by their key only.
ALTER TABLE dropped_item ADD COLUMN link_key VARCHAR(64);
ALTER TABLE dropped_item ADD COLUMN title VARCHAR(1000);
ALTER TABLE dropped_item ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX dropped_item_link_idx ON dropped_item (source_id, link_key);

ALTER TABLE pruned_item ADD COLUMN link_key VARCHAR(64);
ALTER TABLE pruned_item ADD COLUMN title VARCHAR(1000);
CREATE INDEX pruned_item_link_idx ON pruned_item (source_id, link_key);
