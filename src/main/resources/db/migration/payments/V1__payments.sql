create schema if not exists payments;

-- Every money movement with a provider, keyed by the business fact that caused it.
create table payments.transactions (
    id                  uuid primary key,
    order_id            uuid not null,
    kind                text not null check (kind in ('CAPTURE', 'CHARGE', 'REFUND')),
    amount              numeric(19, 4) not null check (amount > 0),
    currency            char(3) not null,
    provider            text not null,
    status              text not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'MANUAL_ACTION_REQUIRED')),
    provider_reference  text,
    failure_reason      text,
    idempotency_key     text not null unique,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index transactions_order_idx on payments.transactions (order_id);
