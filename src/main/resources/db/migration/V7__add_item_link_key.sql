-- The key of an item's link with its AMP and mobile variants folded: items of any source with the same key are one
-- story. Filled for new items at insert, and for older ones at start-up (it is computed from the link, in Java).
ALTER TABLE item ADD COLUMN link_key VARCHAR(64);
-- Finding the story of an article already stored under the same link.
CREATE INDEX item_link_idx ON item (link_key);
