-- The outbox relay no longer holds a transaction while it waits for the broker. A relay takes this lease
-- (one row) in the statement that reads its batch and gives it up once the broker took the batch; while the
-- lease runs (by the database's clock) no other relay reads a batch, so one order's events never go out from
-- two relays at once. A relay that dies mid-batch leaves the lease to run out; the next one sends the batch again.

CREATE TABLE outbox_relay_lease (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    holder VARCHAR(200),
    leased_until TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);

INSERT INTO outbox_relay_lease DEFAULT VALUES;

-- Appending events wakes the relays (LISTEN) when the transaction commits, instead of each polling. The channel
-- is named after the schema, as the advisory lock keys are: installations sharing a database never wake each
-- other. Its name is ostore_outbox_ and 16 hex digits of SHA-256 over 'ostore-shipping/outbox-appended/<schema>'
-- (DatabaseConfig#outboxChannel computes the same); notifications of one transaction are delivered once.
CREATE FUNCTION outbox_appended_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ostore_outbox_' || left(encode(sha256(convert_to(
        'ostore-shipping/outbox-appended/' || TG_TABLE_SCHEMA, 'UTF8')), 'hex'), 16), '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_appended AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_appended_notify();
