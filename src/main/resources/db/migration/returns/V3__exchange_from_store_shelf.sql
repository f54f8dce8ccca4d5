-- How the replacement of an exchange reaches the customer: SHIPPED by a warehouse, or taken
-- FROM_STORE_SHELF and handed over at the counter of the store the return is brought to.
alter table returns.returns add column exchange_delivery text not null default 'SHIPPED';
