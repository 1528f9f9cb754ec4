-- Talking to voters (issue 23): contacts of a campaign, universes (saved filters), phone-bank packets with
-- leases, and every attempt to reach someone. Contacts are not members and never vote.

-- The supporter import's run record serves contact imports too (same partitions, progress, rejects).
alter table import_run add column kind text not null default 'SUPPORTERS' check (kind in ('SUPPORTERS', 'CONTACTS'));
alter table import_run add column cycle_id text references campaign (cycle_id);
alter table import_run add column contacts_created bigint not null default 0;

create table contact (
    id              bigserial primary key,
    cycle_id        text not null references campaign (cycle_id),
    import_run_id   bigint references import_run (id),
    line            bigint,
    full_name       text not null,
    email           text,
    phone           text,
    street          text,
    city            text,
    state           text,
    zip             text,
    latitude        double precision,
    longitude       double precision,
    district_id     text,
    precinct        text,
    party           text,
    age             int,
    tags            text[] not null default '{}',
    created_at      timestamptz not null default now()
);
-- a restarted chunk writes nothing twice; a repeat in one file is one contact
create unique index contact_run_line on contact (import_run_id, line) where import_run_id is not null;
create index contact_cycle_district on contact (cycle_id, district_id, precinct);
create index contact_phone on contact (phone) where phone is not null;
create index contact_tags on contact using gin (tags);

-- A saved filter, counted live; null means "any".
create table universe (
    id                      bigserial primary key,
    cycle_id                text not null references campaign (cycle_id),
    name                    text not null,
    district_id             text,
    precinct                text,
    tags                    text[] not null default '{}',
    not_contacted_days      int check (not_contacted_days > 0),
    channel                 text not null check (channel in ('PHONE', 'SMS', 'DOOR')),
    created_by              text not null,
    created_at              timestamptz not null default now()
);

-- Phones a contact asked never to be called at (result DO_NOT_CALL): like an SMS STOP, for every campaign.
create table do_not_call (
    phone       text primary key,
    cycle_id    text,
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);

-- A call packet: a universe frozen into a list at build time, with a script and survey questions.
create table call_packet (
    id              bigserial primary key,
    cycle_id        text not null references campaign (cycle_id),
    universe_id     bigint not null references universe (id),
    name            text not null,
    script          text not null,
    questions       text[] not null default '{}',
    status          text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_by      text not null,
    created_at      timestamptz not null default now()
);
create index call_packet_cycle on call_packet (cycle_id, status);

-- One row per contact of a packet: held by one caller at a time (lease), done once.
create table packet_contact (
    packet_id       bigint not null references call_packet (id),
    contact_id      bigint not null references contact (id),
    leased_to       text,
    lease_until     timestamptz,
    done_at         timestamptz,
    primary key (packet_id, contact_id)
);
create index packet_contact_open on packet_contact (packet_id, contact_id) where done_at is null;

-- Every attempt to reach someone, whatever the channel. client_attempt_id makes a resend from a page
-- (an offline queue flushing twice) change nothing.
create table contact_attempt (
    id                  bigserial primary key,
    cycle_id            text not null references campaign (cycle_id),
    contact_id          bigint not null references contact (id),
    channel             text not null check (channel in ('PHONE', 'SMS', 'DOOR')),
    result              text not null check (result in ('TALKED', 'NO_ANSWER', 'LEFT_MESSAGE', 'WRONG_NUMBER',
                                                      'REFUSED', 'DO_NOT_CALL', 'NOT_HOME', 'MOVED', 'SENT', 'OPTED_OUT')),
    answers             jsonb not null default '{}',
    notes               text,
    packet_id           bigint references call_packet (id),
    volunteer_member_id bigint references member (id),
    volunteer           text not null,
    client_attempt_id   text unique,
    created_at          timestamptz not null default now()
);
create index contact_attempt_cycle on contact_attempt (cycle_id, created_at);
create index contact_attempt_contact on contact_attempt (contact_id, created_at);
