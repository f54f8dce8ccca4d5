-- What a customer has said about being contacted (docs/adr/0014-notifications.md).
alter table customers.customers
    -- Marketing (non-transactional) messages only with consent; order and shipping messages need none.
    add column marketing_consent    boolean not null default false,
    add column marketing_consent_at timestamptz,
    -- Non-urgent messages wait while the customer's clock is in [start, end); null: the shop's default.
    add column quiet_hours_start    time,
    add column quiet_hours_end      time;

-- A channel chosen for one kind of message (e.g. SMS for "out for delivery"), over the preferred channel.
create table customers.channel_choices (
    customer_id  uuid not null references customers.customers (id) on delete cascade,
    message_kind text not null,
    channel      text not null,
    primary key (customer_id, message_kind)
);
