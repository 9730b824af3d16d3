-- Tables the seed implies but does not list: bought labels, the durable task queue and the outbox.

CREATE TABLE labels (
    package_id BIGINT PRIMARY KEY REFERENCES Packages (packageID),
    format VARCHAR(10) NOT NULL CHECK (format IN ('pdf', 'zpl', 'png')),
    content BYTEA NOT NULL CHECK (length(content) > 0),
    saved_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE tasks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind VARCHAR(50) NOT NULL CHECK (kind IN ('create_labels', 'track_order')),
    subject_id BIGINT NOT NULL,
    state VARCHAR(20) NOT NULL CHECK (state IN ('ready', 'running', 'done', 'abandoned')),
    attempts INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    run_at TIMESTAMPTZ NOT NULL,
    enqueued_at TIMESTAMPTZ NOT NULL,
    awaiting_ack_since TIMESTAMPTZ NOT NULL,
    lease_owner VARCHAR(200),
    lease_until TIMESTAMPTZ,
    last_error TEXT,
    alerted_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);

-- One active piece of work per subject: one label task per shipment, one tracking task per order.
CREATE UNIQUE INDEX tasks_one_active_per_subject ON tasks (kind, subject_id) WHERE state IN ('ready', 'running');
CREATE INDEX tasks_due ON tasks (run_at) WHERE state = 'ready';
CREATE INDEX tasks_leased ON tasks (lease_until) WHERE state = 'running';
CREATE INDEX tasks_unacknowledged ON tasks (awaiting_ack_since)
    WHERE state IN ('ready', 'running') AND alerted_at IS NULL;

CREATE TABLE outbox (
    -- Append order. The relay reads unsent rows by it, never "after the last id seen": a lower id can
    -- commit after a higher one.
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id UUID NOT NULL UNIQUE,
    message_key VARCHAR(40) NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    payload JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at TIMESTAMPTZ
);

CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
