-- The indexer's words by block of 256 item ids (see WordBlocks): one row per word prefix and block, the block's items
-- that have the word one byte each. A row per word and item was what a burst of new items cost most to write.
-- item_word keeps the words that edits gave their items. Both are built again: the indexer starts over from the
-- first item, in the background, and searches walk the items it has not reached meanwhile.
DROP TABLE item_word;
CREATE TABLE item_word (
    word_item BIGINT NOT NULL PRIMARY KEY
);
CREATE TABLE item_word_block (
    word_block BIGINT NOT NULL PRIMARY KEY,
    item_offsets BYTEA NOT NULL
);
UPDATE word_index_state SET indexed_to = 0;
