-- Profile details the customer chooses to give, for personalisation and timed offers. The year of
-- birth is optional: many customers give only the day (docs/adr/0021-personal-data.md).
alter table customers.customers
    add column birthday_month       smallint check (birthday_month between 1 and 12),
    add column birthday_day         smallint check (birthday_day between 1 and 31),
    add column birthday_year        smallint,
    add column favourite_categories text[] not null default '{}',
    -- Set when the customer's data was erased: the row stays as a tombstone (other modules refer to
    -- its id) with no e-mail, name or phone, so it is never matched again.
    add column erased_at            timestamptz,
    add check ((birthday_month is null) = (birthday_day is null)),
    add check (birthday_year is null or birthday_month is not null);
