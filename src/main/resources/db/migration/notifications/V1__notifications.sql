create schema if not exists notifications;

-- Every message to a customer (e-mail, SMS) and every outbound webhook, written in the transaction
-- of the fact that caused it and delivered after commit (docs/adr/0014-notifications.md).
create table notifications.messages (
    id              uuid primary key,
    kind            text not null,
    purpose         text not null,          -- TRANSACTIONAL, MARKETING, WEBHOOK
    -- One message per fact: e.g. "shipped:<parcel>", "order-confirmed:<order>".
    dedupe_key      text not null unique,
    customer_id     uuid,
    order_id        uuid,
    shipment_id     uuid,
    -- What the fact said that cannot be read again later (old and new status, a change's text, …).
    facts           jsonb not null default '{}',
    status          text not null default 'PENDING',
    -- Not before: quiet hours, the digest window and retries move it.
    due_at          timestamptz not null default now(),
    -- While SENDING: another instance (or this one after a restart) takes it over after this.
    claimed_until   timestamptz,
    attempts        int not null default 0,
    channel         text,
    recipient       text,
    locale          text,
    subject         text,
    -- Why it was deferred, suppressed, undeliverable or failed, in words an agent can read.
    reason          text,
    provider_id     text,
    -- A digest this message was folded into.
    digest_id       uuid references notifications.messages (id),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    opened_at       timestamptz,
    clicks          int not null default 0
);

create index messages_due_idx on notifications.messages (due_at) where status in ('PENDING', 'SENDING');
create index messages_order_idx on notifications.messages (order_id, created_at);
create index messages_customer_idx on notifications.messages (customer_id, created_at);
create index messages_problem_idx on notifications.messages (created_at desc) where status in ('FAILED', 'UNDELIVERABLE');
-- The contact budget counts a customer's recent marketing messages.
create index messages_budget_idx on notifications.messages (customer_id, sent_at) where purpose = 'MARKETING';

-- Each try to hand a message to a provider. An attempt without an outcome was cut short (a crash):
-- it may have gone through, so the next one checks before sending again.
create table notifications.attempts (
    message_id   uuid not null references notifications.messages (id),
    number       int not null,
    channel      text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    outcome      text,                      -- SENT, RETRY, REJECTED, UNKNOWN
    detail       text,
    provider_id  text,
    primary key (message_id, number)
);

-- Opens (the pixel) and clicks (the signed redirect).
create table notifications.engagement (
    message_id  uuid not null references notifications.messages (id),
    at          timestamptz not null default now(),
    action      text not null,              -- OPEN, CLICK, UNSUBSCRIBE
    url         text
);
create index engagement_message_idx on notifications.engagement (message_id);

-- "Text me about this order": a channel (and number or address) for one order's messages.
create table notifications.order_channels (
    order_id    uuid primary key,
    channel     text not null,
    recipient   text,
    created_at  timestamptz not null default now()
);

-- Templates the merchant edited in the console, over the built-in ones. locale '*' is any language.
create table notifications.templates (
    kind        text not null,
    channel     text not null,              -- EMAIL, SMS
    locale      text not null,
    subject     text,
    html        text,
    body        text not null,              -- plain text (e-mail's text part, or the SMS)
    updated_at  timestamptz not null default now(),
    updated_by  text not null,
    primary key (kind, channel, locale)
);
