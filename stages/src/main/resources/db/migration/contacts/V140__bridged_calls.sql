-- Issue 23, phone bank: click-to-call through Twilio Voice. The app calls the volunteer's phone and bridges
-- it to the contact (<Dial>); Twilio's signed status callbacks land here, per leg. The attempt the volunteer
-- then saves points at the call.
create table bridged_call (
    id               bigserial primary key,
    cycle_id         text not null references campaign (cycle_id),
    packet_id        bigint not null references call_packet (id),
    contact_id       bigint not null references contact (id),
    caller           text not null,
    volunteer_phone  text not null,
    call_sid         text unique,
    status           text not null default 'requested',
    contact_status   text,
    duration_seconds integer,
    error            text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index bridged_call_caller on bridged_call (caller, contact_id, id);

alter table contact_attempt add column bridged_call_id bigint references bridged_call (id);
