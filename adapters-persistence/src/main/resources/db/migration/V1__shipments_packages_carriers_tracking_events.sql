-- The seed's four tables (its trailing commas removed), with the constraints a real schema needs.
-- Names are written unquoted as in the seed, so PostgreSQL folds them to lower case (shipmentid).
-- Ids are BIGINT (the seed's SERIAL is INT) so every id the domain accepts fits.

CREATE TABLE Carriers (
    carrierID SERIAL PRIMARY KEY,
    carrierCode VARCHAR(20) NOT NULL UNIQUE CHECK (carrierCode IN ('fedex', 'usps')),
    carrierName VARCHAR(100) NOT NULL,
    contactInformation TEXT
);

INSERT INTO Carriers (carrierCode, carrierName, contactInformation) VALUES
    ('fedex', 'FedEx', 'Customer service 1-800-463-3339 (1-800-GoFedEx), https://www.fedex.com'),
    ('usps', 'USPS', 'Customer service 1-800-275-8777 (1-800-ASK-USPS), https://www.usps.com');

CREATE TABLE Shipments (
    shipmentID BIGSERIAL PRIMARY KEY,
    orderID BIGINT NOT NULL CHECK (orderID > 0),
    shippingAddress TEXT NOT NULL CHECK (length(shippingAddress) BETWEEN 1 AND 500),
    -- The address parts a carrier prints; street lines are separated by newlines (never part of a line).
    addressStreetLines TEXT NOT NULL,
    addressCity TEXT NOT NULL,
    addressStateOrProvince TEXT,
    addressPostalCode TEXT,
    addressCountry TEXT NOT NULL,
    shipmentStatus VARCHAR(50) NOT NULL CHECK (shipmentStatus IN ('pending', 'label_created', 'shipped',
        'in_transit', 'exception', 'delivery_attempted', 'available_for_pickup', 'out_for_delivery',
        'delivered', 'returned', 'cancelled', 'failed')),
    carrierCode VARCHAR(20) NOT NULL REFERENCES Carriers (carrierCode),
    serviceType VARCHAR(100),
    failureReason TEXT,
    createdAt TIMESTAMPTZ NOT NULL,
    updatedAt TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0)
);

CREATE INDEX shipments_by_order ON Shipments (orderID, createdAt);

CREATE TABLE Packages (
    packageID BIGSERIAL PRIMARY KEY,
    shipmentID BIGINT NOT NULL REFERENCES Shipments (shipmentID),
    packageDimensions TEXT,
    -- Unconstrained NUMERIC keeps the scale the domain gave (2.5 stays 2.5); at most two decimals.
    packageWeight NUMERIC NOT NULL
        CHECK (packageWeight > 0 AND packageWeight < 100000000 AND scale(packageWeight) <= 2),
    weightUnit VARCHAR(2) NOT NULL CHECK (weightUnit IN ('lb', 'kg')),
    packageStatus VARCHAR(50) NOT NULL CHECK (packageStatus IN ('pending', 'label_created', 'shipped',
        'in_transit', 'exception', 'delivery_attempted', 'available_for_pickup', 'out_for_delivery',
        'delivered', 'returned', 'cancelled', 'failed')),
    trackingNumber VARCHAR(40),
    serviceType VARCHAR(100),
    createdAt TIMESTAMPTZ NOT NULL,
    updatedAt TIMESTAMPTZ NOT NULL
);

CREATE INDEX packages_by_shipment ON Packages (shipmentID);
CREATE INDEX packages_by_tracking_number ON Packages (trackingNumber) WHERE trackingNumber IS NOT NULL;

CREATE TABLE TrackingEvents (
    trackingEventID BIGSERIAL PRIMARY KEY,
    packageID BIGINT NOT NULL REFERENCES Packages (packageID),
    eventType VARCHAR(50) NOT NULL CHECK (eventType IN ('label_created', 'picked_up', 'in_transit',
        'out_for_delivery', 'available_for_pickup', 'delivery_attempted', 'delivered', 'exception',
        'returned', 'cancelled', 'unknown')),
    eventTimestamp TIMESTAMPTZ NOT NULL,
    -- The carrier's own UTC offset, so the event reads back at the local time the carrier reported.
    eventUtcOffset VARCHAR(9) NOT NULL CHECK (eventUtcOffset ~ '^[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'),
    location TEXT,
    rawCode VARCHAR(100) NOT NULL DEFAULT '',
    description TEXT,
    details JSONB NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
    recordedAt TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The same scan seen on two tracking runs is stored once.
    CONSTRAINT tracking_events_same_scan_once UNIQUE (packageID, rawCode, eventTimestamp)
);

CREATE INDEX tracking_events_by_package ON TrackingEvents (packageID, eventTimestamp);
