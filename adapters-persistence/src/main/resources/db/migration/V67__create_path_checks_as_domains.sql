-- The single-column checks of the three tables every create writes become domains. PostgreSQL prepares a
-- table's CHECK expressions anew for every statement that writes the table (it reads them from the
-- catalog's text form and plans them), which cost a batched create about a sixth of its statement;
-- a domain's checks are prepared once per connection. The rules are the same, column for column.
-- Multi-column checks stay table checks. Changing a column to a domain over its own type does not rewrite
-- the table, but checks every row once and rebuilds the indexes on the column, under an exclusive lock.
CREATE DOMAIN order_id AS BIGINT CHECK (VALUE > 0);
CREATE DOMAIN shipping_address AS TEXT CHECK (length(VALUE) BETWEEN 1 AND 500);
-- Shipments and their packages share the status wire names.
CREATE DOMAIN shipment_status AS VARCHAR(50) CHECK (VALUE IN ('pending', 'label_created', 'shipped', 'in_transit',
    'exception', 'delivery_attempted', 'available_for_pickup', 'out_for_delivery', 'delivered', 'returned',
    'cancelled', 'failed'));
CREATE DOMAIN row_version AS BIGINT CHECK (VALUE >= 0);
CREATE DOMAIN package_weight AS NUMERIC CHECK (VALUE > 0 AND VALUE < 100000000 AND scale(VALUE) <= 2);
CREATE DOMAIN weight_unit AS VARCHAR(2) CHECK (VALUE IN ('lb', 'kg'));
CREATE DOMAIN task_kind AS VARCHAR(50) CHECK (VALUE IN ('create_labels', 'track_order'));
CREATE DOMAIN task_state AS VARCHAR(20) CHECK (VALUE IN ('ready', 'running', 'done', 'abandoned'));
CREATE DOMAIN task_attempts AS INTEGER CHECK (VALUE >= 0);

ALTER TABLE Shipments
    DROP CONSTRAINT shipments_orderid_check,
    DROP CONSTRAINT shipments_shippingaddress_check,
    DROP CONSTRAINT shipments_shipmentstatus_check,
    DROP CONSTRAINT shipments_version_check,
    ALTER COLUMN orderID TYPE order_id,
    ALTER COLUMN shippingAddress TYPE shipping_address,
    ALTER COLUMN shipmentStatus TYPE shipment_status,
    ALTER COLUMN version TYPE row_version;

ALTER TABLE Packages
    DROP CONSTRAINT packages_packageweight_check,
    DROP CONSTRAINT packages_weightunit_check,
    DROP CONSTRAINT packages_packagestatus_check,
    ALTER COLUMN packageWeight TYPE package_weight,
    ALTER COLUMN weightUnit TYPE weight_unit,
    ALTER COLUMN packageStatus TYPE shipment_status;

ALTER TABLE tasks
    DROP CONSTRAINT tasks_kind_check,
    DROP CONSTRAINT tasks_state_check,
    DROP CONSTRAINT tasks_attempts_check,
    ALTER COLUMN kind TYPE task_kind,
    ALTER COLUMN state TYPE task_state,
    ALTER COLUMN attempts TYPE task_attempts;
