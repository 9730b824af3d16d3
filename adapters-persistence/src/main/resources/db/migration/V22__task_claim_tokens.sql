-- Every claim of a task draws a token of its own, and every change a worker makes to a claimed task
-- names it: a worker whose claim was superseded (its lease ran out and the task was claimed again, by
-- another instance or by another thread of the same one) can no longer record anything. The token of
-- the latest claim stays on the row after the work ends, for auditing who did it.
CREATE SEQUENCE task_claim_tokens;

ALTER TABLE tasks ADD COLUMN lease_token BIGINT;

-- Work running during the upgrade gets a token too; its worker (the old version) fences by owner only.
UPDATE tasks SET lease_token = nextval('task_claim_tokens') WHERE state = 'running';

ALTER TABLE tasks ADD CONSTRAINT tasks_running_has_a_claim_token CHECK (state <> 'running' OR lease_token IS NOT NULL);
