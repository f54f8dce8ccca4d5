-- Parcels customers send back to the merchant (the returns module registers them). Kept apart from
-- tracking.shipments on purpose: they must not count as deliveries of the order, appear among its
-- parcels on the tracking page, or trigger the customer's shipping messages. Their checkpoints are
-- the same tracking.events rows, keyed by tracking number.
create table tracking.return_parcels (
    id                  uuid primary key,
    return_id           uuid not null,
    return_number       text not null,
    order_id            uuid not null,
    carrier             text not null,
    tracking_number     text not null,
    status              text not null,
    status_at           timestamptz,
    delivered_at        timestamptz,
    registered_at       timestamptz not null
);

create index return_parcels_tracking_number_idx on tracking.return_parcels (tracking_number);
create index return_parcels_return_idx on tracking.return_parcels (return_id);
