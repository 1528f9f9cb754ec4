-- One consent registry for every channel: SMS keywords, email unsubscribes and carrier refusals
-- write here; the outbox reads it at enqueue and the senders right before each send.

create table consent (
    channel     text not null check (channel in ('EMAIL', 'SMS')),
    address     text not null,                 -- lower-case email or E.164 phone
    opted_out   boolean not null,
    source      text not null,                 -- sms-keyword, email-unsubscribe, carrier, staff
    evidence    text,                          -- MessageSid, unsubscribe token, error code
    changed_at  timestamptz not null default now(),
    primary key (channel, address)
);

-- every change, for the record a carrier or regulator may ask for
create table consent_event (
    id          bigserial primary key,
    channel     text not null,
    address     text not null,
    opted_out   boolean not null,
    source      text not null,
    evidence    text,
    at          timestamptz not null default now()
);
create index consent_event_address on consent_event (channel, address, id);
