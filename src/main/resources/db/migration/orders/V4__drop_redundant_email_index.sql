-- orders_email_prefix_idx (lower(email) text_pattern_ops) answers both the equality and the prefix
-- searches on e-mail; the plain expression index only cost a write on every order.
drop index if exists orders.orders_email_idx;
