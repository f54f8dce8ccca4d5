create schema if not exists platform;

create table platform.staff_users (
    email           text primary key,
    display_name    text not null,
    password_hash   text not null,
    roles           text not null,
    enabled         boolean not null default true
);

-- Integration API keys; only a SHA-256 of the key is kept.
create table platform.api_keys (
    key_hash        text primary key,
    label           text not null,
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);
