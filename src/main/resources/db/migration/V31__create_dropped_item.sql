-- The items that feeds.yml's drop, keep and languages rules left out, by source and item key: a dropped item does not
-- come back at the next poll, even edited, while the rules that dropped it (rules_version, a digest of them) are in
-- force; under other rules it is judged again. rule names the rule that dropped it, for the counts of /api/sources.
-- Pruned with the items, by retention.
CREATE TABLE dropped_item (
    source_id     VARCHAR(64)  NOT NULL,
    item_key      VARCHAR(64)  NOT NULL,
    rule          VARCHAR(1000) NOT NULL,
    rules_version VARCHAR(64)  NOT NULL,
    dropped_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dropped_item_pk PRIMARY KEY (source_id, item_key)
);

-- Retention prunes the oldest first.
CREATE INDEX dropped_item_at_idx ON dropped_item (dropped_at);
