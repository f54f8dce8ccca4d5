create schema if not exists offers;

-- The merchant's offers, each shown in one slot of a customer page (today: the thank-you page after
-- checkout). Enabled offers of a slot must not overlap in time for a shared language (checked by
-- Offers under a per-slot advisory lock), so a page never has to choose between two.
create table offers.offers (
    id              uuid primary key,
    slot            text        not null,
    headline        text        not null,
    body            text        not null,
    call_to_action  text        not null,
    -- The only place a click on the offer is ever sent: the click endpoint reads it from here.
    target_url      text        not null,
    code            text,
    -- Languages (en, fr) whose pages show it; empty: every language.
    languages       text[]      not null default '{}',
    starts_at       timestamptz not null,
    -- Null: open-ended.
    ends_at         timestamptz,
    enabled         boolean     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    check (ends_at is null or ends_at > starts_at)
);

create index offers_by_slot on offers.offers (slot, starts_at) where enabled;

-- Views per offer and order: a reload adds to views, not to unique views (one row per order).
create table offers.offer_views (
    offer_id        uuid        not null references offers.offers (id),
    order_id        uuid        not null,
    views           bigint      not null,
    first_viewed_at timestamptz not null,
    last_viewed_at  timestamptz not null,
    primary key (offer_id, order_id)
);

-- Clicks per offer and order, the same way.
create table offers.offer_clicks (
    offer_id         uuid        not null references offers.offers (id),
    order_id         uuid        not null,
    clicks           bigint      not null,
    first_clicked_at timestamptz not null,
    last_clicked_at  timestamptz not null,
    primary key (offer_id, order_id)
);
