create schema if not exists tracking;

-- One row per parcel that left a location (the fulfilment module's parcel id). Several parcels
-- may share a tracking number (two orders packed in one box): events belong to the tracking
-- number, and every parcel with that number follows them.
create table tracking.shipments (
    id                      uuid primary key,
    order_id                uuid not null,
    order_number            text not null,
    origin_location         text not null,
    carrier                 text not null,
    service                 text,
    tracking_number         text,
    destination_country     text,
    destination_region      text,
    destination_postcode    text,
    shipped_at              timestamptz not null,
    status                  text not null,
    -- event time of the event that set the status; later-arriving older events never move it
    status_at               timestamptz,
    last_event_at           timestamptz,
    delivered_at            timestamptz,
    carrier_estimate        date,
    promise_earliest        date,
    promise_latest          date,
    promise_basis           text,
    delayed_since           timestamptz,
    delay_reason            text,
    version                 bigint not null default 0
);

create index shipments_order_idx on tracking.shipments (order_id);
create index shipments_tracking_number_idx on tracking.shipments (tracking_number);
create index shipments_undelivered_idx on tracking.shipments (status) where delivered_at is null;

create table tracking.shipment_items (
    shipment_id     uuid not null references tracking.shipments (id),
    order_line_id   uuid not null,
    sku             text not null,
    quantity        int not null check (quantity > 0),
    primary key (shipment_id, order_line_id)
);

-- Every payload as it arrived, byte for byte (as text), before parsing; an exact re-delivery is
-- stored once.
create table tracking.payloads (
    id              uuid primary key,
    source          text not null,
    received_at     timestamptz not null,
    body            text not null,
    body_sha256     bytea not null unique
);

-- Append-only: rows are never updated or deleted. The same checkpoint re-sent by a carrier has the
-- same dedupe key and is stored once.
create table tracking.events (
    id              bigint generated always as identity primary key,
    tracking_number text not null,
    carrier         text not null,
    source          text not null,
    vocabulary      text not null,
    code            text not null,
    detail          text,
    status          text not null,
    mapping         text not null,
    description     text,
    city            text,
    region          text,
    postcode        text,
    country         text,
    occurred_at     timestamptz not null,
    received_at     timestamptz not null,
    payload_id      uuid references tracking.payloads (id),
    dedupe_key      text not null,
    unique (tracking_number, dedupe_key)
);

create index events_timeline_idx on tracking.events (tracking_number, occurred_at desc, id desc);

-- Explicit corrections of a parcel's status (a carrier's correction or an agent's), audited.
create table tracking.corrections (
    id              bigint generated always as identity primary key,
    shipment_id     uuid not null references tracking.shipments (id),
    from_status     text not null,
    to_status       text not null,
    reason          text not null,
    actor           text not null,
    corrected_at    timestamptz not null
);

-- The merchant's own mapping of one carrier code, over the built-in table.
create table tracking.status_mapping_overrides (
    vocabulary      text not null,
    code            text not null,
    detail          text not null default '',
    status          text not null,
    set_by          text not null,
    set_at          timestamptz not null,
    primary key (vocabulary, code, detail)
);
