-- A return whose customer's personal data was erased (docs/adr/0021-personal-data.md) keeps its
-- amounts and steps but no longer names the gift's recipient.
alter table returns.returns add column erased_at timestamptz;

do $$
declare
    gift_check text;
begin
    select conname into gift_check from pg_constraint
    where conrelid = 'returns.returns'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%gift_recipient_email IS NOT NULL%';
    execute format('alter table returns.returns drop constraint %I', gift_check);
end
$$;

alter table returns.returns add constraint returns_gift_recipient_check
    check (not gift or gift_recipient_email is not null or erased_at is not null);
