-- An order handed over at a store's counter (e.g. the replacement of an exchange taken from the
-- shelf) names that location; it never ships. Null for every other order.
alter table orders.orders add column handed_over_at text;
