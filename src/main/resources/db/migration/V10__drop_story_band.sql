-- The story index moved into memory (the story window, loaded from item at start): its sixteen rows per item cost
-- more to write than the rest of the item, and a statement per lookup.
DROP TABLE story_band;
