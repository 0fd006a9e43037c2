-- An item's words as one number each: the word's first five letters or digits and the item's id packed into a
-- BIGINT, the table's only column and key (see WordIndex). On H2, a table keyed by a (word, item) pair keeps each row
-- twice, in its rows and in its key's index, and compares strings to place it: a number is written once and compared
-- at once. Storing a new item's words cost as much as storing the item.
DROP TABLE item_word;
CREATE TABLE item_word (
    word_item BIGINT NOT NULL PRIMARY KEY
);
-- The index is built again by the backfill, in the background at start-up; searches walk until it is done.
UPDATE word_index_state SET complete = NOT EXISTS (SELECT 1 FROM item);
