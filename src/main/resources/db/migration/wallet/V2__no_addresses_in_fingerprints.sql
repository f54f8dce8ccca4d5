-- A gift card's request fingerprint held its recipient's e-mail address in clear, in a table that is
-- append-only, so erasing that person's data could not remove it (docs/adr/0021-personal-data.md).
-- From now on the wallet keeps a SHA-256 of the address there; older rows are rewritten once to the
-- same form. Only the fingerprint changes: no amount, account or entry is touched.
alter table wallet.transactions disable trigger transactions_append_only;

update wallet.transactions
set request_fingerprint = 'issue|' || split_part(request_fingerprint, '|', 2) || '|'
        || case
               when split_part(request_fingerprint, '|', 3) = 'null' then 'null'
               else encode(sha256(convert_to(split_part(request_fingerprint, '|', 3), 'UTF8')), 'hex')
           end
        || '|'
        || substr(request_fingerprint, length('issue|' || split_part(request_fingerprint, '|', 2) || '|'
                                               || split_part(request_fingerprint, '|', 3) || '|') + 1)
where kind = 'ISSUE' and request_fingerprint like 'issue|%@%';

alter table wallet.transactions enable trigger transactions_append_only;
