-- Holds secure an instant exchange: held, then released or captured, each its own movement.
alter table payments.transactions drop constraint transactions_kind_check;
alter table payments.transactions add constraint transactions_kind_check
    check (kind in ('CAPTURE', 'CHARGE', 'REFUND', 'HOLD', 'HOLD_RELEASE', 'HOLD_CAPTURE'));
