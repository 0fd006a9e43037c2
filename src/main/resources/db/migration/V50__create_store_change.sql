-- The latest change of what is published, numbered and dated under this row's lock, in the transaction that makes it:
-- every instance sharing the store derives the same validators (ETag, Last-Modified) from it. Every write that changes
-- what the feeds and the ticker show moves it (items stored, edited, pruned), as does a new feeds.yml or a new day in
-- the ticker's zone, recorded once for all instances under `published`. A date is at most a second ahead of the
-- writer's clock; when it cannot be later than the one before by a whole second (three changes in one second),
-- `date_shared` says so, and a date that tells nothing is not answered by date.
CREATE TABLE store_change (
    id          INTEGER                  NOT NULL PRIMARY KEY,
    changes     BIGINT                   NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    date_shared BOOLEAN                  NOT NULL,
    published   VARCHAR(64)
);
-- No change yet: the first start records its configuration, and dates it.
INSERT INTO store_change (id, changes, changed_at, date_shared, published)
VALUES (1, 0, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', FALSE, NULL);
