create schema if not exists timeline;

-- One row per fact about a customer, written by the listeners of other modules' events after they
-- commit. event_key names the fact (e.g. order:<id>:placed), so an event delivered twice writes once.
create table timeline.entries (
    id           uuid primary key,
    event_key    text not null unique,
    customer_id  uuid not null,
    order_id     uuid,
    kind         text not null,
    category     text not null check (category in ('ORDERS', 'PARCELS', 'MESSAGES', 'RETURNS', 'MONEY', 'CONTACTS')),
    summary      text not null,
    link_type    text check (link_type in ('ORDER', 'RETURN', 'MESSAGE')),
    link_id      uuid,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default now()
);

-- The customer's page reads newest first, all kinds or one category, one page at a time.
create index entries_customer_idx on timeline.entries (customer_id, occurred_at desc, id desc);
create index entries_customer_category_idx on timeline.entries (customer_id, category, occurred_at desc, id desc);
