-- Each item's language, an ISO 639 code (fr, ar, en, es): declared by its feed or page, checked by the detector.
-- NULL when neither could tell, and for items stored before languages were kept. The lang filter reads it row by row
-- along item_sort_idx, as it reads source_id.
ALTER TABLE item ADD COLUMN lang VARCHAR(8);
