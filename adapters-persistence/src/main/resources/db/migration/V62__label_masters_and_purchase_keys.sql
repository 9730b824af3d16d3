-- Issue 9 §2. master_tracking_number: the shipment a label was sold in (FedEx sells several packages
-- under one master and voids them once, under it); null for labels stored before it was kept.
-- label_purchase_keys: the random idempotency key and mailing date of a package's purchase, stored
-- before the first attempt so every retry sends USPS the same key with the same body, and replaced by
-- the key the live label was bought under once the mailing date had passed. Random keys never collide
-- between installations that share a USPS account (CRID), as keys derived from ids would.
ALTER TABLE labels ADD COLUMN master_tracking_number VARCHAR(40);

CREATE TABLE label_purchase_keys (
    package_id BIGINT PRIMARY KEY REFERENCES Packages (packageID),
    idempotency_key UUID NOT NULL UNIQUE,
    mailing_date DATE NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
