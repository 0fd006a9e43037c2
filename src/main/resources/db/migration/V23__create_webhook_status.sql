-- How each webhook fared, for /api/webhooks: kept apart from the outbox, whose rows go with the retention.
CREATE TABLE webhook_status (
    hook            VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_success_at TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);
