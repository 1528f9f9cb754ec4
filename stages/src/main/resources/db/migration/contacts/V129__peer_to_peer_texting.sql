-- Peer-to-peer texting (issue 23): a text bank sends one initial message per contact of an SMS universe, each
-- by a volunteer's own click; contacts are handed out as texters ask (no pre-split lists).

create table text_bank (
    id              bigserial primary key,
    cycle_id        text not null references campaign (cycle_id),
    universe_id     bigint not null references universe (id),
    name            text not null,
    initial_message text not null,
    canned          text[] not null default '{}',
    status          text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_by      text not null,
    created_at      timestamptz not null default now()
);
create index text_bank_cycle on text_bank (cycle_id, status);

-- One row per contact handed to a texter: the primary key makes a second assignment impossible.
create table text_assignment (
    bank_id             bigint not null references text_bank (id),
    contact_id          bigint not null references contact (id),
    texter_member_id    bigint not null references member (id),
    phone               text not null,
    assigned_at         timestamptz not null default now(),
    sent_at             timestamptz,
    primary key (bank_id, contact_id)
);
create index text_assignment_texter on text_assignment (bank_id, texter_member_id, sent_at);
create index text_assignment_phone on text_assignment (phone);

-- The texter's own replies (initial messages are in the outbox under p2p:{bank}:{contact}:initial).
create table text_reply (
    id                  bigserial primary key,
    bank_id             bigint not null references text_bank (id),
    contact_id          bigint not null references contact (id),
    texter_member_id    bigint not null references member (id),
    body                text not null,
    outbox_key          text not null unique,
    sent_at             timestamptz not null default now()
);
create index text_reply_contact on text_reply (bank_id, contact_id);
