create schema if not exists customers;

create table customers.customers (
    id                  uuid primary key,
    email               text unique,
    name                text,
    phone               text,
    preferred_channel   text not null default 'EMAIL',
    language            text not null default 'en',
    time_zone           text,
    country             text,
    external_ref        text unique,
    created_at          timestamptz not null default now()
);

create index customers_name_idx on customers.customers (lower(name));
