-- Every state-changing request staff make in the console, refused ones too (ADR 22).
create table platform.staff_audit (
    id              bigint generated always as identity primary key,
    at              timestamptz not null default now(),
    staff           text not null,
    method          text not null,
    route           text not null,
    path            text not null,
    subject_type    text,
    subject_id      text,
    outcome         text not null,
    detail          text,
    fields          jsonb not null default '{}',
    before          jsonb,
    after           jsonb
);

-- The audit page lists newest first (the primary key) and filters by staff member or by subject.
create index staff_audit_by_staff on platform.staff_audit (staff, id desc);
create index staff_audit_by_subject on platform.staff_audit (subject_id, id desc);

-- API keys get a number the console can name them by (the hash is not shown), who made them and
-- when they were last used.
alter table platform.api_keys
    add column id bigint generated always as identity unique,
    add column created_by text,
    add column last_used_at timestamptz;
