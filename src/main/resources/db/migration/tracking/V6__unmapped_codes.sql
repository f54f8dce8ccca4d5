-- The mapping settings page counts the codes no mapping knew in the last 30 days; such events are
-- few, so a partial index keeps that count from reading every event.
create index events_unmapped_idx on tracking.events (received_at) where mapping = 'unmapped';
