-- Each shipment's answer as the API writes it, rewritten in the same statement as every change of the
-- shipment or its packages, so that reading a shipment is one row. A rendering is served only when it was
-- written for the shipment's current version and in the reader's format; rows written before this
-- migration, or by an instance that does not keep renderings, are read from the tables as before.
ALTER TABLE Shipments
    ADD COLUMN rendered TEXT,
    ADD COLUMN rendered_format TEXT,
    ADD COLUMN rendered_version BIGINT;
