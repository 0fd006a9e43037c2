-- How feeds.yml had each source's body read at its last poll: "feed", or "html:" and a digest of its selectors. The
-- validators kept (etag, last_modified) hold only for the same url read the same way. Null until the next poll.
ALTER TABLE source_status ADD COLUMN reading VARCHAR(64);
