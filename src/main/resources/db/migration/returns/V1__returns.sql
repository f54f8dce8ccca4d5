create schema if not exists returns;

-- The merchant's reasons, a tree (e.g. "doesn't fit" → "too small"). Labels are in the messages
-- bundles under returns.reason.<code>, so each language has its own.
create table returns.reasons (
    code                text primary key check (code ~ '^[a-z0-9-]+$'),
    parent_code         text references returns.reasons (code),
    position            int not null default 0,
    requires_photo      boolean not null default false,
    requires_comment    boolean not null default false,
    -- a return giving this reason waits for a person to approve it
    requires_inspection boolean not null default false,
    active              boolean not null default true
);

insert into returns.reasons (code, parent_code, position, requires_photo, requires_comment, requires_inspection) values
    ('doesnt-fit', null, 10, false, false, false),
    ('too-small', 'doesnt-fit', 11, false, false, false),
    ('too-large', 'doesnt-fit', 12, false, false, false),
    ('damaged', null, 20, true, false, true),
    ('defective', null, 30, false, true, true),
    ('wrong-item', null, 40, true, false, false),
    ('not-as-described', null, 50, false, true, false),
    ('changed-mind', null, 60, false, false, false),
    ('arrived-late', null, 70, false, false, false),
    ('other', null, 90, false, true, false);

create table returns.returns (
    id                      uuid primary key,
    number                  text not null unique,
    order_id                uuid not null,
    order_number            text not null,
    customer_id             uuid,
    customer_email          text,
    currency                char(3) not null,
    channel                 text not null check (channel in ('PORTAL', 'STORE', 'AGENT', 'API')),
    method                  text not null check (method in ('MAIL', 'DROP_OFF', 'IN_STORE')),
    location_code           text,
    gift                    boolean not null default false,
    gift_recipient_email    text,
    status                  text not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'IN_TRANSIT',
                                'RECEIVED', 'REFUND_PENDING', 'RESOLVED', 'MANUAL_REFUND_REQUIRED', 'CANCELLED')),
    -- the customer keeps the items (returning them costs more than they are worth)
    returnless              boolean not null default false,
    carrier                 text,
    tracking_number         text,
    -- decided at resolution; refunded_amount is what the provider actually gave back
    refund_amount           numeric(19, 4),
    refunded_amount         numeric(19, 4),
    store_credit_amount     numeric(19, 4),
    bonus_amount            numeric(19, 4),
    exchange_order_id       uuid,
    exchange_order_number   text,
    -- instant exchange: the payment hold securing the replacement, until the return arrives
    hold_key                text,
    hold_state              text check (hold_state in ('HELD', 'RELEASED', 'CAPTURED')),
    hold_deadline           timestamptz,
    exchange_reserved_until timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint not null default 0,
    check (location_code is not null or method <> 'IN_STORE'),
    check (not gift or gift_recipient_email is not null)
);

create index returns_order_idx on returns.returns (order_id);
create index returns_customer_idx on returns.returns (customer_id) where customer_id is not null;
create index returns_open_idx on returns.returns (status, updated_at)
    where status in ('REQUESTED', 'APPROVED', 'IN_TRANSIT', 'REFUND_PENDING');

create table returns.return_items (
    id                  uuid primary key,
    return_id           uuid not null references returns.returns (id),
    line_no             int not null,
    order_line_id       uuid not null,
    sku                 text not null,
    title               text not null,
    quantity            int not null check (quantity > 0),
    reason_code         text not null references returns.reasons (code),
    comment             text,
    requested_outcome   text not null check (requested_outcome in ('REFUND', 'STORE_CREDIT', 'EXCHANGE', 'INSTANT_EXCHANGE')),
    outcome             text not null check (outcome in ('REFUND', 'STORE_CREDIT', 'EXCHANGE', 'INSTANT_EXCHANGE')),
    -- why the outcome differs from the one asked for (told to the customer)
    outcome_note        text,
    exchange_sku        text,
    -- what the customer paid for one unit of the line, computed by the server
    unit_refund         numeric(19, 4) not null check (unit_refund >= 0),
    received_quantity   int check (received_quantity between 0 and quantity),
    condition           text check (condition in ('NEW', 'OPENED', 'USED', 'DAMAGED')),
    resellable          boolean,
    restock_location    text,
    unique (return_id, line_no)
);

create index return_items_return_idx on returns.return_items (return_id);

-- Append-only: the return's timeline. A row whose from and to are equal is a note (e.g. the
-- parcel was delivered to the merchant).
create table returns.return_steps (
    return_id   uuid not null references returns.returns (id),
    seq         int not null,
    from_status text,
    to_status   text not null,
    actor       text not null,
    at          timestamptz not null,
    note        text,
    primary key (return_id, seq)
);

create table returns.idempotency_keys (
    key             text primary key,
    request_hash    text not null,
    return_id       uuid not null references returns.returns (id),
    created_at      timestamptz not null default now()
);

-- Photos of returned items (evidence for damaged or wrong items), uploaded before or after the request.
create table returns.photos (
    id              uuid primary key,
    return_id       uuid references returns.returns (id),
    item_id         uuid references returns.return_items (id),
    content_type    text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes           bytea not null,
    created_at      timestamptz not null default now()
);

create index photos_item_idx on returns.photos (item_id);
