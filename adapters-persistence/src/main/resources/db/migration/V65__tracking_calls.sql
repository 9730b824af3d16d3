-- Tracking calls made to each carrier by every instance, so that together they keep to the carrier's
-- hourly budget. A row per call; rows older than the budget's hour are deleted as calls are recorded.
CREATE TABLE tracking_call_budgets (
    carrier VARCHAR(20) PRIMARY KEY
);

CREATE TABLE tracking_calls (
    carrier VARCHAR(20) NOT NULL REFERENCES tracking_call_budgets (carrier),
    made_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX tracking_calls_by_carrier ON tracking_calls (carrier, made_at);
