-- The branded tracking page's analytics: one counter row per order and one per recommendation
-- slot and product, each bumped by a single upsert (no row per visit or click).
create table tracking.page_visits (
    order_id        uuid primary key,
    visits          bigint not null default 0,
    first_visit_at  timestamptz not null,
    last_visit_at   timestamptz not null
);

create table tracking.slot_clicks (
    order_id        uuid not null,
    slot            text not null,
    sku             text not null,
    clicks          bigint not null default 0,
    last_click_at   timestamptz not null,
    primary key (order_id, slot, sku)
);
