create schema if not exists catalog;

create table catalog.products (
    id          uuid primary key,
    handle      text not null unique,
    title       text not null,
    category    text,
    created_at  timestamptz not null default now()
);

-- One row per sellable variant; the SKU is the identifier every channel shares.
create table catalog.variants (
    sku             text primary key,
    product_id      uuid not null references catalog.products (id),
    title           text not null,
    option_values   text not null default '',
    price_amount    numeric(19, 4) not null,
    currency        char(3) not null,
    active          boolean not null default true
);

create index variants_product_idx on catalog.variants (product_id);
