-- Which events wait and when each was first sent move out of the outbox rows. sent_at was in both partial
-- indexes' predicates, so marking a batch sent was a non-HOT update of every row: a new tuple with its JSON
-- payload copied, and new entries in the primary key, the event_id index and outbox_sent. Now marking a batch
-- deletes its seqs from outbox_unsent and records them in outbox_sent; an outbox row is written once, when it
-- is appended, and deleted once, by the retention.
--
-- After this migration a relay of an earlier release fails on the missing column instead of sending anything
-- twice; every instance's relay must run this release (README, Operations). Appenders of earlier releases keep
-- working: the trigger below registers whatever is inserted into the outbox.

-- No event is appended, marked or pruned while the rows are copied and the trigger changes; the lock is the one
-- DROP COLUMN needs anyway, taken first so the migration never waits to upgrade a weaker one.
LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE;

DROP INDEX outbox_unsent;
DROP INDEX outbox_sent;

-- The events not yet sent, by seq. Rows come and go with the relay's batches; the primary key gives the relay
-- the oldest first and finds a batch's seqs one by one, so a step's cost follows the batch, not the backlog.
CREATE TABLE outbox_unsent (
    seq BIGINT PRIMARY KEY
);

INSERT INTO outbox_unsent (seq) SELECT seq FROM outbox WHERE sent_at IS NULL;

-- When each event was first sent, written once per event (a mark deletes the seq from outbox_unsent and records
-- exactly the seqs it deleted, so marking again keeps the first time). Read only by the retention, which deletes
-- by sent_at: a btree on sent_at, not a BRIN. Measured on PostgreSQL 14, inserting 1,000 rows per statement as a
-- mark does: no index 0.9-1.2 ms, BRIN 0.9-1.1 ms, btree on sent_at 1.9-2.1 ms, primary key on seq plus that
-- btree 2.1-2.5 ms; a whole claim step of 1,000 events took 11-15 ms. So the btree costs about 1 ms per 1,000
-- events, but it stays selective however the table's space is reused. A BRIN is only as good as the physical
-- order: each prune frees the oldest pages, later marks fill them with new times, and a BRIN range's summary only
-- widens, so after one retention period every range would hold old and new times and a prune would read the
-- whole table (a week of sent events by default). No index on seq: nothing looks a row up by it (a manual
-- DELETE on outbox leaves its outbox_sent rows, which the retention removes later; see outbox_deleted).
CREATE TABLE outbox_sent (
    seq BIGINT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL
);

INSERT INTO outbox_sent (seq, sent_at) SELECT seq, sent_at FROM outbox WHERE sent_at IS NOT NULL ORDER BY sent_at, seq;

CREATE INDEX outbox_sent_at ON outbox_sent (sent_at);

ALTER TABLE outbox DROP COLUMN sent_at;

-- One statement trigger registers the appended rows as unsent and wakes the relays: rows an INSERT ... ON
-- CONFLICT DO NOTHING skipped are not in the transition table, so they are not registered again. It replaces
-- V63's trigger; the channel name is computed exactly as there (DatabaseConfig#outboxChannel). The tables are
-- named through TG_TABLE_SCHEMA when the session's search_path does not lead to the outbox's schema (a manual
-- INSERT naming the schema), so an installation never registers its events in another's table; the usual
-- case, the service's own connections, takes the static statement, planned once per session.
DROP TRIGGER outbox_appended ON outbox;
DROP FUNCTION outbox_appended_notify();

CREATE FUNCTION outbox_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_SCHEMA = current_schema() THEN
        INSERT INTO outbox_unsent (seq) SELECT seq FROM appended;
    ELSE
        EXECUTE format('INSERT INTO %I.outbox_unsent (seq) SELECT seq FROM appended', TG_TABLE_SCHEMA);
    END IF;
    PERFORM pg_notify('ostore_outbox_' || left(encode(sha256(convert_to(
        'ostore-shipping/outbox-appended/' || TG_TABLE_SCHEMA, 'UTF8')), 'hex'), 16), '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_appended AFTER INSERT ON outbox REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_appended();

-- Outbox rows deleted by hand (the retention deletes only sent ones) must not stay registered as waiting: the
-- relay would hold its lease for events it cannot read. Their outbox_sent rows may stay; the retention removes
-- them by time.
CREATE FUNCTION outbox_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_SCHEMA = current_schema() THEN
        DELETE FROM outbox_unsent u WHERE u.seq IN (SELECT seq FROM deleted);
    ELSE
        EXECUTE format('DELETE FROM %I.outbox_unsent u WHERE u.seq IN (SELECT seq FROM deleted)', TG_TABLE_SCHEMA);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_deleted AFTER DELETE ON outbox REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_deleted();

CREATE FUNCTION outbox_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('TRUNCATE %I.outbox_unsent, %I.outbox_sent', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_truncated AFTER TRUNCATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_truncated();
