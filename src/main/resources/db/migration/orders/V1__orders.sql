create schema if not exists orders;

create table orders.orders (
    id                  uuid primary key,
    number              text not null unique,
    channel             text not null,
    external_ref        text,
    customer_id         uuid,
    email               text,
    customer_name       text,
    currency            char(3) not null,
    status              text not null,
    payment_status      text not null,
    -- order-level amounts beside the lines (exact, in the order currency)
    shipping_amount     numeric(19, 4) not null default 0,
    tax_amount          numeric(19, 4) not null default 0,
    discount_amount     numeric(19, 4) not null default 0,
    ship_to_name        text,
    ship_to_line1       text,
    ship_to_line2       text,
    ship_to_city        text,
    ship_to_postcode    text,
    ship_to_region      text,
    ship_to_country     text,
    placed_at           timestamptz not null,
    packing_started_at  timestamptz,
    historical          boolean not null default false,
    version             bigint not null default 0
);

create unique index orders_channel_ref_idx on orders.orders (channel, external_ref) where external_ref is not null;
create index orders_placed_at_idx on orders.orders (placed_at desc);
create index orders_email_idx on orders.orders (lower(email));
create index orders_customer_idx on orders.orders (customer_id);

-- Each line keeps its quantity per bucket; statuses are derived from them in code (OrderStatus).
create table orders.order_lines (
    id                  uuid primary key,
    order_id            uuid not null references orders.orders (id),
    line_no             int not null,
    sku                 text not null,
    title               text not null,
    unit_price          numeric(19, 4) not null,
    ordered             int not null check (ordered >= 0),
    cancelled           int not null default 0 check (cancelled >= 0),
    fulfilled           int not null default 0 check (fulfilled >= 0),
    shipped             int not null default 0 check (shipped >= 0),
    delivered           int not null default 0 check (delivered >= 0),
    return_requested    int not null default 0 check (return_requested >= 0),
    returned            int not null default 0 check (returned >= 0),
    refunded            int not null default 0 check (refunded >= 0),
    unique (order_id, line_no),
    check (cancelled <= ordered),
    check (shipped <= ordered - cancelled)
);

-- The change journal: append-only, one row per accepted change, numbered by order version.
create table orders.order_changes (
    order_id            uuid not null references orders.orders (id),
    version             bigint not null,
    kind                text not null,
    actor               text not null,
    changed_at          timestamptz not null,
    description         text not null,
    price_difference    numeric(19, 4) not null,
    currency            char(3) not null,
    primary key (order_id, version)
);

-- Idempotency-Key header of order creation: the same key always answers with the same order.
create table orders.idempotency_keys (
    key             text primary key,
    request_hash    text not null,
    order_id        uuid not null references orders.orders (id),
    created_at      timestamptz not null default now()
);

create sequence orders.order_number_seq start 100001;
