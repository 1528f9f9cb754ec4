-- Canvassing (issue 23, part 4): the cut-turf job splits a DOOR universe's households (contacts at one
-- address) into turfs of about pp.canvass.doors-per-turf doors, each ordered as a walking route; an organizer
-- checks a turf out to a volunteer, whose answers at the doors are contact_attempt rows (channel DOOR).

-- One run of cut-turf over a universe: the script and survey the canvassers read, and what came out.
create table turf_cut (
    id              bigserial primary key,
    cycle_id        text not null references campaign (cycle_id),
    universe_id     bigint not null references universe (id),
    name            text not null,
    script          text not null,
    questions       text[] not null default '{}',
    doors_per_turf  int not null check (doors_per_turf between 5 and 500),
    status          text not null default 'STARTING' check (status in ('STARTING', 'RUNNING', 'COMPLETED', 'FAILED')),
    turfs           int not null default 0,
    households      int not null default 0,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz
);
create index turf_cut_cycle on turf_cut (cycle_id, id);

-- A turf: consecutive households of one district on the walking order. boundary is the WKT of the area
-- walked (the hull of the households' points, inside the district), null when no household has a point.
create table turf (
    id                  bigserial primary key,
    cut_id              bigint not null references turf_cut (id),
    cycle_id            text not null references campaign (cycle_id),
    number              int not null,
    district_id         text,
    doors               int not null,
    boundary            text,
    checked_out_to      bigint references member (id),
    checked_out_by      text,
    checked_out_at      timestamptz,
    unique (cut_id, number)
);
create index turf_member on turf (checked_out_to) where checked_out_to is not null;

-- A door of a turf, in walking order; located says where its point came from (ADDRESS: the contacts' own
-- coordinates; ZIP: the ZIP's centroid; NONE: neither).
create table turf_household (
    turf_id     bigint not null references turf (id),
    position    int not null,
    street      text not null,
    city        text,
    zip         text,
    latitude    double precision,
    longitude   double precision,
    located     text not null check (located in ('ADDRESS', 'ZIP', 'NONE')),
    primary key (turf_id, position)
);

-- Who lives at each door; a contact is at one door of one turf per cut (the primary key).
create table turf_contact (
    cut_id      bigint not null references turf_cut (id),
    contact_id  bigint not null references contact (id),
    turf_id     bigint not null references turf (id),
    position    int not null,
    primary key (cut_id, contact_id)
);
create index turf_contact_turf on turf_contact (turf_id, position);

alter table contact_attempt add column turf_id bigint references turf (id);
