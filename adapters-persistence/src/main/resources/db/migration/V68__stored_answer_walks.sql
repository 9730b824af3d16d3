-- One walk through the shipments per answer format, bringing each stored answer up to date (rows written
-- before V66, or by a writer that keeps none, or in an earlier format). Instances share it: each step
-- locks the walk's row, goes past the next shipments after after_shipment_id and moves it on; a walk that
-- reached the end is finished for good.
CREATE TABLE stored_answer_walks (
    format            TEXT PRIMARY KEY,
    after_shipment_id BIGINT      NOT NULL DEFAULT 0,
    started_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at       TIMESTAMPTZ
);
