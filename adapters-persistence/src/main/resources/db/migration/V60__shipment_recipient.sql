-- Who the labels name (issue 9). All null for shipments created without a recipient, which the carrier
-- adapters then label with their configured fallback; the domain Recipient holds the limits, these only
-- keep a stray write from storing more than any carrier prints.
ALTER TABLE Shipments
    ADD COLUMN recipientName    VARCHAR(70),
    ADD COLUMN recipientCompany VARCHAR(35),
    ADD COLUMN recipientPhone   VARCHAR(16),
    ADD COLUMN recipientEmail   VARCHAR(50),
    ADD CONSTRAINT shipments_recipient_named
        CHECK (recipientName IS NOT NULL OR recipientCompany IS NOT NULL
               OR (recipientPhone IS NULL AND recipientEmail IS NULL));
