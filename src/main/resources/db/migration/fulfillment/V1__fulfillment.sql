create schema if not exists fulfillment;

create table fulfillment.fulfillment_orders (
    id              uuid primary key,
    order_id        uuid not null,
    order_number    text not null,
    location_code   text not null,
    status          text not null,
    hold_until      timestamptz not null,
    created_at      timestamptz not null,
    released_at     timestamptz,
    picking_at      timestamptz,
    packing_at      timestamptz,
    shipped_at      timestamptz,
    version         bigint not null default 0,
    unique (order_id, location_code)
);

create index fulfillment_orders_hold_idx on fulfillment.fulfillment_orders (hold_until) where status = 'ON_HOLD';
create index fulfillment_orders_status_idx on fulfillment.fulfillment_orders (status, location_code);

create table fulfillment.fulfillment_order_lines (
    fulfillment_order_id    uuid not null references fulfillment.fulfillment_orders (id),
    order_line_id           uuid not null,
    sku                     text not null,
    quantity                int not null check (quantity >= 0),
    shipped                 int not null default 0 check (shipped >= 0),
    primary key (fulfillment_order_id, order_line_id),
    check (shipped <= quantity)
);

create table fulfillment.parcels (
    id                      uuid primary key,
    fulfillment_order_id    uuid references fulfillment.fulfillment_orders (id),
    order_id                uuid not null,
    carrier                 text not null,
    service                 text,
    tracking_number         text,
    external_ref            text unique,
    shipped_at              timestamptz not null
);

create index parcels_order_idx on fulfillment.parcels (order_id);

create table fulfillment.parcel_items (
    parcel_id       uuid not null references fulfillment.parcels (id),
    order_line_id   uuid not null,
    sku             text not null,
    quantity        int not null check (quantity > 0),
    primary key (parcel_id, order_line_id)
);
