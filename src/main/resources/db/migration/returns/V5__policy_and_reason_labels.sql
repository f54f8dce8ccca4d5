-- The return policy an admin set in the console (docs/adr/0027-return-policy-and-reasons-in-the-console.md):
-- at most one row; none means the configured policy (aftercart.returns.*) applies as it is. The rules
-- are one JSON document, checked by the application before it is written.
create table returns.policy (
    singleton   boolean primary key default true check (singleton),
    rules       jsonb not null,
    updated_at  timestamptz not null,
    updated_by  text not null,
    version     bigint not null default 0
);

-- The rules a return was decided under (eligibility, approval, keep-the-item, bonus, fallbacks), so
-- that changing the policy changes new requests only. Null for returns made before this column.
alter table returns.returns add column policy jsonb;

-- A reason's label per language, written by the merchant in the console. A built-in reason without
-- one here keeps its label from the messages bundles (returns.reason.<code>).
create table returns.reason_labels (
    code     text not null references returns.reasons (code),
    language text not null check (language ~ '^[a-z]{2}$'),
    label    text not null check (length(btrim(label)) between 1 and 80),
    primary key (code, language)
);
