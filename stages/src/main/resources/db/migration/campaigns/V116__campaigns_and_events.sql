-- Field organizing for each chosen candidate (issue 22): the campaign, events hosted by volunteers,
-- levels of engagement, share codes. A campaign is keyed by its cycle: one per certified winner, and
-- the cycle id is what every link and workflow id (campaign:{cycleId}) already carries.

create table campaign (
    cycle_id        text primary key references cycle (id),
    district_id     text not null,
    candidacy_id    bigint not null references candidacy (id),
    fundraiser_id   bigint references fundraiser (id),
    stage           text not null default 'KICKOFF'
                    check (stage in ('KICKOFF', 'ORGANIZING', 'GOTV', 'ELECTION', 'WRAP_UP', 'ENDED')),
    election_kind   text check (election_kind in ('PRIMARY', 'GENERAL')),
    election_day    date,
    ends_on         date,              -- staff may extend or end it; wrap-up follows
    started_at      timestamptz not null default now(),
    ended_at        timestamptz
);

create table campaign_goal (
    cycle_id    text not null references campaign (cycle_id),
    metric      text not null check (metric in ('EVENTS', 'SHIFTS_FILLED', 'ATTENDED', 'HOSTS', 'CONTACTS', 'DONATIONS_CENTS')),
    target      bigint not null check (target > 0),
    set_by      text not null,
    set_at      timestamptz not null default now(),
    primary key (cycle_id, metric)
);

create table campaign_event (
    id              bigserial primary key,
    cycle_id        text not null references campaign (cycle_id),
    district_id     text not null,
    host_member_id  bigint not null references member (id),
    kind            text not null check (kind in ('PHONE_BANK', 'CANVASS', 'TEXT_BANK', 'HOUSE_PARTY', 'TRAINING', 'OTHER')),
    title           text not null,
    description     text not null default '',
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    time_zone       text not null,
    location_name   text,
    address         text,
    zip             text,
    latitude        double precision,
    longitude       double precision,
    video_url       text,
    -- IN_REVIEW until publish_at unless staff or the district's organizer object (OBJECTED)
    status          text not null check (status in ('IN_REVIEW', 'PUBLISHED', 'OBJECTED', 'CANCELLED', 'REPORTED')),
    publish_at      timestamptz not null,
    objected_by     text,
    objection       text,
    attended        int,
    calls_made      int,
    doors_knocked   int,
    texts_sent      int,
    reported_at     timestamptz,
    created_at      timestamptz not null default now()
);
create index campaign_event_cycle on campaign_event (cycle_id, status, starts_at);
create index campaign_event_zip on campaign_event (zip) where status = 'PUBLISHED';
create index campaign_event_host on campaign_event (host_member_id);

create table event_shift (
    id          bigserial primary key,
    event_id    bigint not null references campaign_event (id),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null check (ends_at > starts_at),
    capacity    int not null check (capacity > 0)
);
create index event_shift_event on event_shift (event_id);

-- An RSVP needs no account: a name and an email or phone, confirmed by link. member_id is set when the
-- address belongs to a member (an RSVP never creates a member: members vote, attendees need not).
create table event_rsvp (
    id                  bigserial primary key,
    event_id            bigint not null references campaign_event (id),
    shift_id            bigint not null references event_shift (id),
    member_id           bigint references member (id),
    full_name           text not null,
    email               text,
    phone               text,
    locale              text not null default 'en',
    status              text not null check (status in ('PENDING', 'CONFIRMED', 'CANCELLED')),
    confirm_token_hash  bytea,
    checked_in_at       timestamptz,
    created_at          timestamptz not null default now(),
    check (email is not null or phone is not null)
);
create unique index event_rsvp_email on event_rsvp (shift_id, lower(email)) where email is not null and status <> 'CANCELLED';
create unique index event_rsvp_phone on event_rsvp (shift_id, phone) where phone is not null and status <> 'CANCELLED';
create index event_rsvp_event on event_rsvp (event_id);
create index event_rsvp_member on event_rsvp (member_id) where member_id is not null;

-- Levels of engagement: SUPPORTER (default, no row needed) -> VOLUNTEER (attended) -> HOST (held an
-- event that reported) -> ORGANIZER (hosted N events or named by staff, scoped to district_id).
create table engagement_level (
    member_id       bigint primary key references member (id),
    level           text not null check (level in ('SUPPORTER', 'VOLUNTEER', 'HOST', 'ORGANIZER')),
    district_id     text,
    named_by        text,             -- console username when staff named them; null when the ladder did
    promoted_at     timestamptz not null default now()
);

-- A trusted host's events publish at once: someone who hosted an event that reported attendance, or
-- marked by staff.
create table trusted_host (
    member_id   bigint primary key references member (id),
    reason      text not null check (reason in ('REPORTED_EVENT', 'STAFF')),
    marked_by   text,
    marked_at   timestamptz not null default now()
);

-- Each ask is made once per person per rule (the primary key is the guarantee).
create table ladder_ask (
    member_id   bigint not null references member (id),
    rule        text not null,
    cycle_id    text references campaign (cycle_id),
    asked_at    timestamptz not null default now(),
    primary key (member_id, rule)
);

-- Share codes: each member has one; links they share carry ?r=CODE.
create table refcode (
    code        text primary key,
    member_id   bigint not null unique references member (id),
    created_at  timestamptz not null default now()
);

-- What a shared link brought in: first and last touch as the visitor's browser carried them.
create table attribution (
    subject_kind    text not null check (subject_kind in ('JOIN', 'RSVP', 'DONATION')),
    subject_id      bigint not null,
    cycle_id        text,
    first_refcode   text references refcode (code),
    last_refcode    text references refcode (code),
    created_at      timestamptz not null default now(),
    primary key (subject_kind, subject_id)
);
create index attribution_first on attribution (first_refcode);
create index attribution_last on attribution (last_refcode);

-- The organizer role: a console account scoped to chosen districts.
create table organizer_district (
    console_user_id bigint not null references console_user (id),
    district_id     text not null,
    granted_by      text not null,
    granted_at      timestamptz not null default now(),
    primary key (console_user_id, district_id)
);
alter table console_user drop constraint console_user_role_check;
alter table console_user add constraint console_user_role_check
    check (role in ('ADMIN', 'STAFF', 'FINANCE', 'AUDITOR', 'ORGANIZER'));
