-- Alert state lives in the alerts table alone (V20 carried the open task alerts over and stopped
-- writing tasks.alerted_at); nothing reads the column any more.
ALTER TABLE tasks DROP COLUMN alerted_at;
