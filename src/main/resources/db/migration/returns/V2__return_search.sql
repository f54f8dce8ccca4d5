-- The staff console's return list: newest first, optionally by status, and found by the start of
-- the return or order number, ignoring case.
create index returns_created_idx on returns.returns (created_at desc, number desc);
create index returns_status_created_idx on returns.returns (status, created_at desc);
create index returns_number_prefix_idx on returns.returns (lower(number) text_pattern_ops);
create index returns_order_number_prefix_idx on returns.returns (lower(order_number) text_pattern_ops);
