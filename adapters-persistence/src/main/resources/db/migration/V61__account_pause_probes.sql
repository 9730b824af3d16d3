-- An open alert for a carrier's account cause (e.g. usps:payment:100007) pauses that carrier's label
-- work (issue 9 §2): probe_at is when the next single probe may go, taken by one worker of any instance
-- with a conditional update; null for every other alert.
ALTER TABLE alerts ADD COLUMN probe_at TIMESTAMPTZ;
