-- Who granted store credit by hand: the sign-in name of the member of staff, null for credit that
-- a system step granted (a return's refund as credit, an import). Staff may grant only so much per
-- day, counted from these rows, so the rows of one person's day are found by an index.
alter table wallet.transactions add column granted_by text;

create index transactions_granted_by_idx on wallet.transactions (granted_by, posted_at)
    where granted_by is not null;
