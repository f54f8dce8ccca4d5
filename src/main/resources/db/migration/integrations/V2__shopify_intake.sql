-- What became of each receipt: RECEIVED (waiting), PROCESSED, PARTIALLY_APPLIED (see outcome),
-- REFUSED (a business refusal, in failure; not retried) or FAILED (an error, in failure; retried).
alter table integrations.webhook_receipts
    add column status       text not null default 'RECEIVED'
        check (status in ('RECEIVED', 'PROCESSED', 'PARTIALLY_APPLIED', 'REFUSED', 'FAILED')),
    add column shop_domain  text,
    add column outcome      text,
    add column order_id     uuid;

create index webhook_receipts_order_idx on integrations.webhook_receipts (order_id);

-- Which Aftercart order a Shopify order became, and the Shopify updated_at of the last state applied
-- (an older delivery arriving late must not undo a newer one).
create table integrations.shopify_orders (
    shopify_order_id    bigint primary key,
    order_id            uuid not null unique,
    last_updated_at     timestamptz,
    created_at          timestamptz not null default now()
);

-- Which order line each Shopify line item became, so that updates and fulfillments name the right line.
create table integrations.shopify_order_lines (
    shopify_order_id        bigint not null references integrations.shopify_orders (shopify_order_id),
    shopify_line_item_id    bigint not null,
    order_line_id           uuid not null,
    primary key (shopify_order_id, shopify_line_item_id)
);
