-- An item's words are deleted by their own key: the store works them out again from the item's search_text when it
-- edits or prunes the item. No index by item and no foreign key: two writes fewer for every word of every item.
ALTER TABLE item_word DROP CONSTRAINT item_word_item_fk;
DROP INDEX item_word_item_idx;

-- Whether every item stored has its words: false in a store that had items before this version, whose backfill
-- then runs once; true from the start in a new store.
CREATE TABLE word_index_state (
    id       INTEGER NOT NULL PRIMARY KEY,
    complete BOOLEAN NOT NULL
);
INSERT INTO word_index_state (id, complete) SELECT 1, NOT EXISTS (SELECT 1 FROM item);
