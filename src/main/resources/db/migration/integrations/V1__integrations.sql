create schema if not exists integrations;

-- Every accepted inbound webhook, raw, once per sender id; processed after commit.
create table integrations.webhook_receipts (
    id              uuid primary key,
    source          text not null,
    external_id     text not null,
    topic           text not null,
    payload         text not null,
    received_at     timestamptz not null default now(),
    processed_at    timestamptz,
    failure         text,
    attempts        int not null default 0,
    unique (source, external_id)
);

create index webhook_receipts_pending_idx on integrations.webhook_receipts (received_at) where processed_at is null;
