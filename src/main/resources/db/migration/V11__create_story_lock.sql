-- One row that every story step locks (UPDATE … WHERE id = 1) until its transaction ends: the steps of all instances
-- sharing the database take turns, so each decides its items' stories with every item stored before it in view, and
-- item ids are handed out in the order of the turns (the story window reads what others stored by id).
CREATE TABLE story_lock (
    id        INTEGER NOT NULL PRIMARY KEY,
    locked_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO story_lock (id, locked_at) VALUES (1, NULL);
