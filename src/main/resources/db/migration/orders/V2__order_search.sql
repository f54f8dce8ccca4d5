-- The console's order search (OrderSearch): prefixes of the number and the e-mail address, and
-- word prefixes of the customer's name, all ignoring case. text_pattern_ops lets LIKE 'abc%'
-- use the index whatever the database collation.
create index orders_number_prefix_idx on orders.orders (lower(number) text_pattern_ops);
create index orders_email_prefix_idx on orders.orders (lower(email) text_pattern_ops);
create index orders_customer_name_words_idx on orders.orders
    using gin (to_tsvector('simple', coalesce(customer_name, '')));
