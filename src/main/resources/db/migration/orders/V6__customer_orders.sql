-- A customer's orders newest first (their page, the console's customer search with the latest
-- order and the count): one index answers both, and replaces the one on the customer alone.
create index orders_customer_placed_idx on orders.orders (customer_id, placed_at desc, id desc);
drop index if exists orders.orders_customer_idx;
