create schema if not exists wallet;

-- Store credit (one per customer and currency), gift cards, and the system accounts the money
-- comes from and goes to (one per kind and currency). Only holder accounts keep a cached
-- balance, updated under the account's row lock in the same transaction as their entries; system
-- accounts are derived from their entries only, so that they are never a hot row.
create table wallet.accounts (
    id           uuid primary key,
    kind         text not null check (kind in ('STORE_CREDIT', 'GIFT_CARD', 'ISSUED_CREDIT', 'BONUS_CREDIT',
                                               'ISSUED_GIFT_CARDS', 'HELD', 'REDEEMED', 'EXPIRED')),
    currency     char(3) not null,
    customer_id  uuid,
    balance      numeric(19, 4),
    created_at   timestamptz not null default now(),
    check ((kind = 'STORE_CREDIT') = (customer_id is not null)),
    check ((kind in ('STORE_CREDIT', 'GIFT_CARD')) = (balance is not null)),
    -- the last line of defence: a holder's balance never goes below zero
    check (balance is null or balance >= 0)
);

create unique index accounts_store_credit_idx on wallet.accounts (customer_id, currency) where kind = 'STORE_CREDIT';
create unique index accounts_system_idx on wallet.accounts (kind, currency) where kind not in ('STORE_CREDIT', 'GIFT_CARD');

-- A gift card is known by the SHA-256 of its normalised code; the code itself is never stored.
create table wallet.gift_cards (
    id               uuid primary key,
    account_id       uuid not null unique references wallet.accounts (id),
    code_hash        char(64) not null unique,
    last4            char(4) not null,
    recipient_email  text,
    issued_at        timestamptz not null default now()
);

-- One journal transaction per business fact, under that fact's idempotency key.
create table wallet.transactions (
    id                   uuid primary key,
    kind                 text not null check (kind in ('GRANT', 'ISSUE', 'AUTHORISE', 'CAPTURE', 'VOID', 'HOLD_EXPIRY', 'EXPIRY')),
    idempotency_key      text not null unique,
    -- what the request was, so that a key reused for something else is refused
    request_fingerprint  text not null,
    reason               text not null,
    -- for GRANT and ISSUE: when the amount credited by this transaction expires (null: never)
    expires_at           timestamptz,
    hold_id              uuid,
    posted_at            timestamptz not null default now()
);

-- Entries: positive adds to the account, negative takes from it; each transaction sums to zero
-- per currency (checked at commit), and entries are never changed or removed.
create table wallet.entries (
    id              bigint generated always as identity primary key,
    transaction_id  uuid not null references wallet.transactions (id),
    account_id      uuid not null references wallet.accounts (id),
    type            text not null check (type in ('CREDIT', 'BONUS', 'HOLD', 'RELEASE', 'REDEMPTION', 'EXPIRY', 'COUNTERPART')),
    amount          numeric(19, 4) not null check (amount <> 0),
    currency        char(3) not null,
    -- the holder account's balance after this entry (null on system accounts)
    balance_after   numeric(19, 4)
);

create index entries_account_idx on wallet.entries (account_id, id);
create index entries_transaction_idx on wallet.entries (transaction_id);

create function wallet.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'wallet.% is append-only', tg_table_name using errcode = 'restrict_violation';
end
$$;

create trigger entries_append_only before update or delete on wallet.entries
    for each row execute function wallet.refuse_change();
create trigger entries_no_truncate before truncate on wallet.entries
    for each statement execute function wallet.refuse_change();
create trigger transactions_append_only before update or delete on wallet.transactions
    for each row execute function wallet.refuse_change();
create trigger transactions_no_truncate before truncate on wallet.transactions
    for each statement execute function wallet.refuse_change();

create function wallet.require_balanced() returns trigger language plpgsql as $$
begin
    if exists (select 1 from wallet.entries where transaction_id = new.transaction_id
               group by currency having sum(amount) <> 0) then
        raise exception 'wallet transaction % does not sum to zero', new.transaction_id
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger entries_balanced after insert on wallet.entries
    deferrable initially deferred
    for each row execute function wallet.require_balanced();

-- Authorisations for checkout: the held amount sits in the HELD account until it is captured,
-- voided or expires. The hold's status changes; the ledger never does.
create table wallet.holds (
    id              uuid primary key,
    account_id      uuid not null references wallet.accounts (id),
    amount          numeric(19, 4) not null check (amount > 0),
    currency        char(3) not null,
    status          text not null check (status in ('AUTHORISED', 'CAPTURED', 'VOIDED', 'EXPIRED')),
    captured        numeric(19, 4),
    expires_at      timestamptz not null,
    created_at      timestamptz not null default now(),
    settled_at      timestamptz
);

create index holds_open_idx on wallet.holds (expires_at) where status = 'AUTHORISED';
create index holds_account_idx on wallet.holds (account_id) where status = 'AUTHORISED';
