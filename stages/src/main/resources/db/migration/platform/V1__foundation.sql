-- The foundation schema: plans and districts, members and groups, cycles and their timeline,
-- candidates, pledge, nominations, ballots and proxies, results, fundraisers, donations, outbox.
-- Later capabilities add their own migrations; version ranges: V1-V9 foundation, V10-V19 outreach,
-- V20-V29 vote, V30-V39 pledge and nominations, V40-V49 supporters, V50-V59 prioritization,
-- V60-V69 fundraising, V70-V79 console.

create table district_plan (
    id          text primary key,
    name        text not null,
    is_current  boolean not null default false,
    loaded_at   timestamptz not null default now()
);
create unique index district_plan_one_current on district_plan (is_current) where is_current;

create table district (
    plan_id     text not null references district_plan (id),
    id          text not null,               -- canonical key, e.g. TX-07 (at-large = 01)
    state       char(2) not null,
    number      smallint not null,
    population  bigint,
    primary key (plan_id, id)
);

create table house_member (
    bioguide_id text primary key,
    district_id text not null,               -- delegates included (DC-01, PR-01, ...)
    full_name   text not null,
    party       text not null,
    fec_ids     text[] not null default '{}',
    phone       text,
    url         text,
    loaded_at   timestamptz not null default now()
);
create index house_member_district on house_member (district_id);

create table member (
    id          bigserial primary key,
    full_name   text not null,
    email       text,
    phone       text,
    created_at  timestamptz not null default now()
);
create unique index member_email on member (lower(email)) where email is not null;
create unique index member_phone on member (phone) where phone is not null;

create table district_group (
    id          bigserial primary key,
    plan_id     text not null,
    district_id text not null,
    unique (plan_id, district_id),
    foreign key (plan_id, district_id) references district (plan_id, id)
);

create table group_membership (
    group_id    bigint not null references district_group (id),
    member_id   bigint not null references member (id),
    joined_at   timestamptz not null default now(),
    left_at     timestamptz,
    primary key (group_id, member_id)
);
create index group_membership_member on group_membership (member_id);

create table cycle (
    id              text primary key,        -- e.g. TX-07/2026-1: district and sequence
    plan_id         text not null,
    district_id     text not null,
    sequence        int not null,
    status          text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    stage           text not null,
    stage_deadline  timestamptz,
    extensions      int not null default 0,
    vote_seed       bigint,                  -- published when the voting round opens; breaks final ties
    settings        jsonb not null,
    failure_reason  text,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (plan_id, district_id, sequence),
    foreign key (plan_id, district_id) references district (plan_id, id)
);
-- one cycle at a time per district: launching the same district twice is refused
create unique index cycle_one_running_per_district on cycle (plan_id, district_id) where status = 'RUNNING';

create table cycle_event (
    id          bigserial primary key,
    cycle_id    text not null references cycle (id),
    at          timestamptz not null default now(),
    stage       text not null,
    kind        text not null,
    detail      text not null default '',
    actor       text not null default 'system',
    dedup_key   text not null,
    unique (cycle_id, dedup_key)
);
create index cycle_event_cycle on cycle_event (cycle_id, id);

create table candidate (
    id          bigserial primary key,
    full_name   text not null,
    email       text,
    phone       text,
    bioguide_id text unique,
    fec_id      text,
    statement   text,
    photo_url   text,
    created_at  timestamptz not null default now()
);
create unique index candidate_email on candidate (lower(email)) where email is not null;

create table pledge_version (
    id          serial primary key,
    version     int not null unique,
    title       text not null,
    principles  text not null,
    body        text not null,
    content_hash text not null unique,
    published_at timestamptz not null default now()
);

create table pledge_signature (
    id                bigserial primary key,
    pledge_version_id int not null references pledge_version (id),
    candidate_id      bigint not null references candidate (id),
    typed_name        text not null,
    signed_at         timestamptz not null default now(),
    ip                text,
    user_agent        text,
    withdrawn_at      timestamptz
);
create unique index pledge_signature_active on pledge_signature (pledge_version_id, candidate_id) where withdrawn_at is null;

create table candidacy (
    id            bigserial primary key,
    cycle_id      text not null references cycle (id),
    candidate_id  bigint not null references candidate (id),
    source        text not null check (source in ('SITTING_MEMBER', 'DECLARED', 'NOMINATED')),
    status        text not null check (status in ('INVITED', 'ACCEPTED', 'APPROVED', 'REJECTED', 'INFO_REQUESTED', 'WITHDRAWN')),
    status_reason text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (cycle_id, candidate_id)
);

create table nomination (
    id              bigserial primary key,
    cycle_id        text not null references cycle (id),
    candidacy_id    bigint references candidacy (id),
    nominee_name    text not null,
    nominee_email   text,
    nominee_phone   text,
    nominator_name  text,
    nominator_email text,
    is_self         boolean not null,
    reason          text,
    created_at      timestamptz not null default now()
);

create table proxy_assignment (
    group_id        bigint not null references district_group (id),
    member_id       bigint not null references member (id),
    proxy_member_id bigint not null references member (id),
    cycle_id        text references cycle (id),      -- null: the member's standing list; set: one cycle's override
    units           smallint not null check (units between 1 and 10),
    position        smallint not null,
    check (member_id <> proxy_member_id)
);
create unique index proxy_assignment_standing on proxy_assignment (group_id, member_id, proxy_member_id) where cycle_id is null;
create unique index proxy_assignment_override on proxy_assignment (cycle_id, member_id, proxy_member_id) where cycle_id is not null;

create table electorate (
    cycle_id    text not null references cycle (id),
    member_id   bigint not null references member (id),
    primary key (cycle_id, member_id)
);

create table ballot (
    cycle_id    text not null references cycle (id),
    member_id   bigint not null references member (id),
    ranking     bigint[] not null check (cardinality(ranking) > 0),  -- candidacy ids, first choice first
    cast_at     timestamptz not null default now(),
    receipt     text,
    primary key (cycle_id, member_id)
);

create table cycle_result (
    cycle_id        text primary key references cycle (id),
    method          text not null,
    policy          text not null,
    seed            bigint not null,
    electorate      int not null,
    exercised_units numeric not null,
    total_units     numeric not null,
    quorum_met      boolean not null,
    winner          bigint references candidacy (id),
    runner_up       bigint references candidacy (id),
    margin_share    numeric,
    result          jsonb not null,
    computed_at     timestamptz not null default now()
);

create table fundraiser (
    id              bigserial primary key,
    cycle_id        text not null unique references cycle (id),
    candidacy_id    bigint not null references candidacy (id),
    status          text not null check (status in ('LAUNCHED', 'DEACTIVATED')),
    goal_cents      bigint not null,
    created_at      timestamptz not null default now()
);

create table donation (
    id              bigserial primary key,
    fundraiser_id   bigint not null references fundraiser (id),
    amount_cents    bigint not null check (amount_cents > 0),
    donor_name      text not null,
    donor_email     text,
    external_id     text unique,
    created_at      timestamptz not null default now()
);

create table outbox_message (
    id              bigserial primary key,
    dedup_key       text not null unique,         -- e.g. cycle + step + recipient
    channel         text not null check (channel in ('EMAIL', 'SMS')),
    recipient       text not null,
    template        text not null,
    model           jsonb not null default '{}',
    status          text not null default 'PENDING',
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index outbox_message_due on outbox_message (next_attempt_at) where status = 'PENDING';

-- The first pledge version; staff publish new versions later. Its hash covers title, principles and body.
insert into pledge_version (version, title, principles, body, content_hash)
select 1, t.title, t.principles, t.body,
       'sha256:' || encode(sha256(convert_to(t.title || E'\n' || t.principles || E'\n' || t.body, 'UTF8')), 'hex')
from (values (
    'The Primary Pipeline pledge',
    'People over donors; Medicare for All; a living wage; climate action at the scale of the crisis; no corporate PAC money',
    'I pledge to represent the people of my district, not donors. I will refuse corporate PAC money, '
        || 'support Medicare for All, a living wage, and climate action at the scale of the crisis, '
        || 'and I will answer to the district group that chose me.'
)) as t (title, principles, body);
