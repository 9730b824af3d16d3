-- Alert state in one place for every instance, keyed by cause: the cause key is the PagerDuty dedup_key
-- (a piece of work, "ostore-shipping-task-<id>", or a carrier down for everyone,
-- "ostore-shipping-carrier-unavailable-<carrier>"). A cause has at most one open alert; once resolved
-- the same cause may open a new one, and the old row stays as history.
CREATE TABLE alerts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cause_key VARCHAR(255) NOT NULL,
    severity VARCHAR(20) NOT NULL CHECK (severity IN ('critical', 'error', 'warning')),
    summary TEXT NOT NULL,
    details JSONB NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
    -- Since when the problem stands (the work's awaiting-since), and when the alert was first raised.
    since TIMESTAMPTZ NOT NULL,
    raised_at TIMESTAMPTZ NOT NULL,
    -- The instance sending the due delivery right now; a claim that runs out is taken over.
    claim_token UUID,
    claimed_until TIMESTAMPTZ,
    attempts INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error TEXT,
    -- Set only once the pager accepted the trigger (202), resp. the resolution.
    delivered_at TIMESTAMPTZ,
    resolved_at TIMESTAMPTZ,
    resolve_delivered_at TIMESTAMPTZ,
    CHECK ((claim_token IS NULL) = (claimed_until IS NULL)),
    CHECK (resolve_delivered_at IS NULL OR (resolved_at IS NOT NULL AND delivered_at IS NOT NULL))
);

CREATE UNIQUE INDEX alerts_one_open_per_cause ON alerts (cause_key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_by_cause ON alerts (cause_key, id);
CREATE INDEX alerts_to_deliver ON alerts (next_attempt_at)
    WHERE (resolved_at IS NULL AND delivered_at IS NULL)
       OR (resolved_at IS NOT NULL AND delivered_at IS NOT NULL AND resolve_delivered_at IS NULL);

-- What outside the service holds a task up (an alert cause such as a carrier outage); its stale work
-- raises one alert per cause.
ALTER TABLE tasks ADD COLUMN blocked_by VARCHAR(255);

-- Alerts raised before this version were marked sent even when the pager never accepted them: carry
-- the open ones over as not yet delivered, so they go out once more under the same dedup key (PagerDuty
-- merges a repeat into the incident it already has).
INSERT INTO alerts (cause_key, severity, summary, details, since, raised_at, next_attempt_at)
SELECT 'ostore-shipping-task-' || id, 'critical',
       kind || ' work for ' || subject_id || ' unacknowledged since ' || awaiting_ack_since
           || ' (' || attempts || ' attempts)',
       jsonb_build_object('kind', kind, 'subjectId', subject_id::text, 'attempts', attempts::text,
           'lastError', coalesce(last_error, 'null')),
       awaiting_ack_since, alerted_at, alerted_at
FROM tasks
WHERE alerted_at IS NOT NULL AND state IN ('ready', 'running');

-- tasks.alerted_at is no longer written: the alerts table is the one place.
UPDATE tasks SET alerted_at = NULL WHERE alerted_at IS NOT NULL;
DROP INDEX tasks_unacknowledged;
CREATE INDEX tasks_unacknowledged ON tasks (awaiting_ack_since) WHERE state IN ('ready', 'running');
