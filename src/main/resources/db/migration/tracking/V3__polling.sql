-- Polling of carriers that do not push: one row per tracking number followed by polling. A row is
-- never deleted: retired_at says when and why polling stopped (the parcel reached a final status,
-- or the carrier stayed silent for too long), so a tracking number is enrolled once.
create table tracking.poll_schedule (
    tracking_number text primary key,
    -- the carrier's key: its name in lower case without spaces or punctuation (La Poste: laposte)
    carrier         text not null,
    next_poll_at    timestamptz not null,
    -- polls in a row that brought nothing new; the wait doubles with each
    quiet_polls     int not null default 0,
    -- failed polls in a row; the wait doubles with each, with jitter
    failures        int not null default 0,
    last_polled_at  timestamptz,
    -- when a poll last brought a new checkpoint (or when polling started)
    last_change_at  timestamptz not null,
    last_error      text,
    -- an instance polling the row holds it until then, so no other instance polls it meanwhile
    claimed_until   timestamptz,
    retired_at      timestamptz,
    retire_reason   text check (retire_reason in ('final', 'silent'))
);

create index poll_schedule_due_idx on tracking.poll_schedule (carrier, next_poll_at) where retired_at is null;
