-- A scan is identified by the time its carrier stated: the instant ('I' + the UTC instant), or, when the
-- carrier printed only its local clock time and the offset had to be guessed, that local time ('L' +
-- the local time). Before, the instant was the key even when it rested on a guessed offset, so the same
-- FedEx scan could be stored again once a new neighbouring scan lent it another offset.
ALTER TABLE TrackingEvents ADD COLUMN scanKey VARCHAR(40);

UPDATE TrackingEvents SET scanKey = CASE
    WHEN details ->> 'offsetAssumed' = 'true'
        THEN 'L' || to_char((eventTimestamp AT TIME ZONE 'UTC') + eventUtcOffset::interval,
            'YYYY-MM-DD"T"HH24:MI:SS.US')
    ELSE 'I' || to_char(eventTimestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
END;

-- The same scan stored twice under two guessed offsets: keep the first one recorded.
DELETE FROM TrackingEvents later
USING TrackingEvents earlier
WHERE later.packageID = earlier.packageID AND later.rawCode = earlier.rawCode
  AND later.scanKey = earlier.scanKey AND later.trackingEventID > earlier.trackingEventID;

ALTER TABLE TrackingEvents ALTER COLUMN scanKey SET NOT NULL;
ALTER TABLE TrackingEvents DROP CONSTRAINT tracking_events_same_scan_once;
ALTER TABLE TrackingEvents ADD CONSTRAINT tracking_events_same_scan_once UNIQUE (packageID, rawCode, scanKey);
