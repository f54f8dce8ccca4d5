-- The brand an admin set in the console (ADR 26). One row or none: none means the configuration's
-- brand (aftercart.branding.*) applies; "reset to defaults" deletes the row. A saved brand is whole,
-- so a later change of the configuration does not mix into it.
create table platform.branding (
    singleton         boolean primary key default true check (singleton),
    shop_name         text not null,
    logo_url          text,
    primary_colour    text not null,
    accent_colour     text not null,
    background_colour text not null,
    font_family       text not null,
    greeting          jsonb not null default '{}',
    updated_by        text not null,
    updated_at        timestamptz not null
);
