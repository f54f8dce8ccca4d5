create schema if not exists inventory;

create table inventory.locations (
    code        text primary key,
    name        text not null,
    kind        text not null check (kind in ('WAREHOUSE', 'STORE')),
    country     text,
    priority    int not null default 100,
    active      boolean not null default true
);

create table inventory.stock_levels (
    location_code   text not null references inventory.locations (code),
    sku             text not null,
    on_hand         int not null,
    reserved        int not null default 0 check (reserved >= 0),
    primary key (location_code, sku)
);

create index stock_levels_sku_idx on inventory.stock_levels (sku);

-- What each order line holds at each location, until it ships or is released.
create table inventory.reservations (
    order_id        uuid not null,
    order_line_id   uuid not null,
    location_code   text not null references inventory.locations (code),
    sku             text not null,
    quantity        int not null check (quantity >= 0),
    primary key (order_line_id, location_code)
);

create index reservations_order_idx on inventory.reservations (order_id);

-- Every store starts with one warehouse; merchants rename it and add their own locations.
insert into inventory.locations (code, name, kind, country, priority) values ('MAIN', 'Main warehouse', 'WAREHOUSE', null, 10);
