-- The merchant's systems that receive Aftercart's business events as signed webhooks
-- (docs/webhooks.md). Each delivery is a row of notifications.messages with purpose 'WEBHOOK' and
-- the endpoint's id as recipient.
create table notifications.webhook_endpoints (
    id                        uuid primary key,
    url                       text not null,
    description               text,
    -- Event types sent to it ('order.placed', …); empty: every type.
    event_types               text[] not null default '{}',
    enabled                   boolean not null default true,
    -- Why it was disabled: deleted through the API, or the endpoint answered 410 Gone.
    disabled_reason           text,
    -- The signing secrets, "whsec_" + base64 key. Kept as they are, not hashed: unlike an API key,
    -- which Aftercart only checks, a signing secret is used to compute each request's HMAC.
    secret                    text not null,
    -- After a rotation the previous secret still signs (next to the new one) until this time, so
    -- receivers can switch secrets without refusing a delivery.
    previous_secret           text,
    previous_secret_until     timestamptz,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now()
);
