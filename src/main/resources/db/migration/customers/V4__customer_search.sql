-- The console's customer search: the start of the e-mail address, the start of any word of the
-- name, the end of the phone number's digits (however it was written). text_pattern_ops lets
-- "like 'prefix%'" use the index whatever the database collation.
create index customers_email_prefix_idx on customers.customers (lower(email) text_pattern_ops);
create index customers_name_words_idx on customers.customers using gin (to_tsvector('simple', coalesce(name, '')));
create index customers_phone_digits_idx on customers.customers
    (reverse(regexp_replace(phone, '[^0-9]', '', 'g')) text_pattern_ops) where phone is not null;
