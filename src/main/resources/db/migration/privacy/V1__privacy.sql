create schema if not exists privacy;

-- One row per customer whose personal data was erased: when, who asked, which modules took part.
-- No personal data: the customer's id is that of the anonymous record the customers module keeps.
create table privacy.erasures (
    customer_id     uuid primary key,
    requested_by    text not null,
    reason          text,
    modules         text[] not null,
    erased_at       timestamptz not null default now()
);
