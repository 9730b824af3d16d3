-- Idempotency-Key of POST /shipments, per caller: the claim is written in the transaction that creates
-- the shipment, so the primary key lets one of two concurrent requests with the same key through and
-- makes the other wait for it. Rows are purged once older than IDEMPOTENCY_KEY_RETENTION.

CREATE TABLE idempotency_keys (
    caller_id VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_fingerprint VARCHAR(128) NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    shipment_id BIGINT REFERENCES Shipments (shipmentID),
    -- The response the first request was given, replayed byte for byte to its retries.
    response TEXT,
    PRIMARY KEY (caller_id, idempotency_key),
    CHECK ((shipment_id IS NULL) = (response IS NULL))
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (claimed_at);
