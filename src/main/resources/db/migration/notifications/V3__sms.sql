-- Providers report on messages they took (SMS status callbacks) by their own id for them.
create index messages_provider_idx on notifications.messages (provider_id) where provider_id is not null;

-- When the provider reported the message on the recipient's device (SMS "delivered").
alter table notifications.messages add column delivered_at timestamptz;
