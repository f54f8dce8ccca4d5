create schema if not exists conversations;

-- Contacts with a customer on one channel, about one topic (and maybe one order), handled by one
-- member of staff at a time (docs/adr/0024-conversations-and-agent-actions.md).
create table conversations.conversations (
    id           uuid primary key,
    customer_id  uuid not null,
    order_id     uuid,
    channel      text not null,              -- EMAIL, CHAT, PHONE, SOCIAL, IN_STORE
    topic        text not null,              -- WHERE_IS_MY_ORDER, CHANGE, RETURN, DAMAGED, OTHER
    status       text not null default 'OPEN',
    -- The staff member's e-mail address; null while nobody has taken it.
    assignee     text,
    -- The address or number the customer wrote or called from, when it was given.
    contact      text,
    opened_at    timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    closed_at    timestamptz
);

-- The console's list: open ones first, most recently active first, filtered by status, assignee or channel.
create index conversations_queue_idx on conversations.conversations (status, updated_at desc);
create index conversations_assignee_idx on conversations.conversations (assignee, status, updated_at desc);
create index conversations_customer_idx on conversations.conversations (customer_id, opened_at desc);
create index conversations_order_idx on conversations.conversations (order_id) where order_id is not null;

-- What was said, in order: INBOUND from the customer, OUTBOUND to them.
create table conversations.entries (
    id               uuid primary key,
    conversation_id  uuid not null references conversations.conversations (id),
    direction        text not null,
    body             text not null,
    -- Who: "customer", or the staff member's e-mail, or the API key's system.
    author           text not null,
    at               timestamptz not null default now()
);

create index entries_conversation_idx on conversations.entries (conversation_id, at);
-- Contacts in a period (the dashboard's "where is my order" figure) count inbound entries.
create index entries_inbound_at_idx on conversations.entries (at) where direction = 'INBOUND';

-- Internal notes staff leave on a customer (never shown to the customer).
create table conversations.notes (
    id           uuid primary key,
    customer_id  uuid not null,
    order_id     uuid,
    body         text not null,
    author       text not null,
    created_at   timestamptz not null default now()
);

create index notes_customer_idx on conversations.notes (customer_id, created_at desc);

-- Which conversation or entry an Idempotency-Key created, and for which request (ADR 4).
create table conversations.idempotency_keys (
    key              text primary key,
    request_hash     text not null,
    conversation_id  uuid not null,
    entry_id         uuid,
    created_at       timestamptz not null default now()
);
