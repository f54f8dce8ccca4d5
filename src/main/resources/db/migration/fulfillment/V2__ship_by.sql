-- When each fulfilment order should leave: the order's time plus aftercart.fulfillment.ship-within
-- (ADR 25). Existing rows count from their creation with the default of one day.
alter table fulfillment.fulfillment_orders add column ship_by timestamptz;
update fulfillment.fulfillment_orders set ship_by = created_at + interval '1 day';
alter table fulfillment.fulfillment_orders alter column ship_by set not null;

-- The operations list of orders not shipped in time, and the dashboard's shipped-on-time figure.
create index fulfillment_orders_late_idx on fulfillment.fulfillment_orders (ship_by)
    where status in ('ON_HOLD', 'RELEASED', 'PICKING', 'PACKING');
create index fulfillment_orders_ship_by_idx on fulfillment.fulfillment_orders (ship_by);
