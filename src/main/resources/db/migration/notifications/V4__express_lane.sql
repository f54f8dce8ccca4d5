-- Messages someone is waiting for at the screen (a sign-in link) are delivered by an express lane of
-- the dispatcher, never behind a batch of other messages (docs/adr/0020-customer-account.md).
alter table notifications.messages add column express boolean not null default false;
create index messages_express_due_idx on notifications.messages (due_at)
    where express and status in ('PENDING', 'SENDING');
