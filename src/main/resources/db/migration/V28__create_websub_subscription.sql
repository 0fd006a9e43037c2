-- One WebSub subscription per source (the primary key), shared by every instance on the database: whichever instance
-- the hub calls finds the subscription of the callback it calls (callback_id, unguessable, in the callback URL) and
-- its secret. Every change of state is a compare-and-set on revision, so that two instances never both send a
-- request for one subscription, and a hub's verification that arrives before the request has returned is not undone.
CREATE TABLE websub_subscription (
    source_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    callback_id      VARCHAR(64)   NOT NULL,
    hub              VARCHAR(2048) NOT NULL,
    topic            VARCHAR(2048) NOT NULL,
    secret           VARCHAR(128)  NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    revision         BIGINT        NOT NULL DEFAULT 0,
    due_at           TIMESTAMP WITH TIME ZONE,
    requested_at     TIMESTAMP WITH TIME ZONE,
    verified_at      TIMESTAMP WITH TIME ZONE,
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_delivery_at TIMESTAMP WITH TIME ZONE,
    failures         INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(2000),
    CONSTRAINT websub_subscription_callback_uq UNIQUE (callback_id)
);

-- Finding what the subscriber has to do next (request, renew, give up waiting, unsubscribe), soonest first.
CREATE INDEX websub_subscription_due_idx ON websub_subscription (due_at);
