-- One row per source: the outcome of its polls, its HTTP validators and when to poll it next.
CREATE TABLE source_status (
    source_id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    url                  VARCHAR(2048) NOT NULL,
    last_attempt_at      TIMESTAMP WITH TIME ZONE,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_outcome         VARCHAR(32),
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    last_error           VARCHAR(2000),
    etag                 VARCHAR(1024),
    last_modified        VARCHAR(128),
    next_attempt_at      TIMESTAMP WITH TIME ZONE
);
