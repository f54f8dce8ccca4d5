-- Returns of an imported sales history (e.g. credit-note lines), once per source line, with the
-- order line each was applied to. Its key makes a repeated import apply nothing twice.
create table orders.historical_returns (
    reference       text not null,
    line_no         int not null,
    order_line_id   uuid not null references orders.order_lines (id),
    returned_at     timestamptz not null,
    requested       int not null check (requested > 0),
    applied         int not null check (applied >= 0),
    primary key (reference, line_no),
    check (applied <= requested)
);

create index historical_returns_line_idx on orders.historical_returns (order_line_id);
