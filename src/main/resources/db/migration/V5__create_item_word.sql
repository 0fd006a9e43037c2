-- The words of each item's search_text (words of 3 characters or more, cut at 64), so that a search for a rare
-- word reads the few items that have it instead of every item. Written with the item, removed with it.
-- (V4 is left to the story clustering migration being written alongside.)
CREATE TABLE item_word (
    word    VARCHAR(64) NOT NULL,
    item_id BIGINT      NOT NULL,
    CONSTRAINT item_word_pk PRIMARY KEY (word, item_id),
    CONSTRAINT item_word_item_fk FOREIGN KEY (item_id) REFERENCES item (id) ON DELETE CASCADE
);

-- An item's words, to replace them when it is edited and to delete them with it.
CREATE INDEX item_word_item_idx ON item_word (item_id);
