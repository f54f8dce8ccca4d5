create schema if not exists account;

-- One-time sign-in links (docs/adr/0020-customer-account.md). Only the SHA-256 of a token is kept:
-- whoever reads this table cannot sign in. A row is deleted when its link is used, so a link works
-- once even with several instances; expired rows are swept when new links are made.
create table account.sign_in_tokens (
    token_hash   char(64) primary key,
    customer_id  uuid not null,
    expires_at   timestamptz not null,
    created_at   timestamptz not null default now()
);

create index sign_in_tokens_expiry_idx on account.sign_in_tokens (expires_at);
