-- The console's list of parcels delayed or stuck (ADR 25): parcels on their way, by the time of
-- their last checkpoint (their shipping when never scanned); and the dashboard's delivered-on-
-- promise figure, by delivery time.
create index shipments_stuck_idx on tracking.shipments ((coalesce(last_event_at, shipped_at)))
    where delivered_at is null and status not in ('DELIVERED', 'CANCELLED', 'RETURNING_TO_SENDER');
create index shipments_delivered_at_idx on tracking.shipments (delivered_at) where delivered_at is not null;
create index shipments_shipped_at_idx on tracking.shipments (shipped_at);
