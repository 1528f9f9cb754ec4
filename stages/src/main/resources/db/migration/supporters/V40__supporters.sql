-- Supporters at the scale of a national list.
--
-- Everyone on the list is a member row: the person, found again by email, then phone. Belonging to a
-- district group, which makes a member part of the electorate of its votes, stays group_membership.
-- A supporter's district is kept on the row for the plan they were last assigned on; re-assigning
-- everyone to a new plan rewrites it in one set-based pass and counts who moved. Keeping it on the
-- row (not in a table of its own) spares the import a second million-row insert and its foreign-key
-- checks, which cost more than the rest of the import (see batch-jobs/README-supporters.md).
alter table member
    add column street               text,
    add column city                 text,
    add column state                char(2),
    add column zip                  char(5),
    add column latitude             double precision,
    add column longitude            double precision,
    add column source               text,
    add column import_run_id        bigint,
    -- asked to be in their district's group; a supporter without a district joins once they have one
    add column joined_at            timestamptz,
    add column district_plan_id     text,
    add column district_id          text,
    add column district_source      text check (district_source in
        ('COORDINATES', 'ZIP', 'ZIP_CENTROID_PROVISIONAL', 'MEMBER_CONFIRMED', 'STAFF', 'CARRIED_OVER')),
    add column district_provisional boolean not null default false,
    -- why the district is provisional or missing, for staff and for the message asking to confirm
    add column district_reason      text,
    add column district_assigned_at timestamptz;
-- room in each page for a second version of its rows: re-assigning everyone to a new plan then
-- updates rows in place (HOT, no index entries to add) instead of writing every row and index again
alter table member set (fillfactor = 60);

create table import_run (
    id                  bigserial primary key,
    file_path           text not null,
    -- size and modification time: the same path with other contents is another import
    file_fingerprint    text not null,
    plan_id             text not null references district_plan (id),
    default_source      text,
    join_by_default     boolean not null default false,
    status              text not null default 'RUNNING' check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    -- counted before reading, so progress can show an ETA
    total_rows          bigint,
    rows_read           bigint not null default 0,
    rows_rejected       bigint not null default 0,
    supporters_created  bigint not null default 0,
    -- already on the list (same email, or same phone), so only blanks were filled in
    supporters_matched  bigint not null default 0,
    duplicates_in_file  bigint not null default 0,
    joined              bigint not null default 0,
    provisional         bigint not null default 0,
    unassigned          bigint not null default 0,
    rejects_report      text,
    job_execution_id    bigint,
    started_at          timestamptz not null default now(),
    finished_at         timestamptz
);

create table import_reject (
    run_id  bigint not null references import_run (id),
    line    bigint not null,
    reason  text not null,
    raw     text,
    primary key (run_id, line)
);

create table district_reassignment (
    id                  bigserial primary key,
    from_plan_id        text,
    to_plan_id          text not null references district_plan (id),
    status              text not null default 'RUNNING' check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    supporters          bigint,
    moved               bigint,
    newly_assigned      bigint,
    unassigned          bigint,
    provisional         bigint,
    kept_confirmed      bigint,
    memberships_moved   bigint,
    job_execution_id    bigint,
    started_at          timestamptz not null default now(),
    finished_at         timestamptz
);

-- Participation by invitation: a member invites someone they know; accepting makes the invitee a
-- member of their own district's group and, when the inviter offered it and the invitee agreed and
-- both are in the same group, names the inviter as the invitee's proxy.
create table invitation (
    id                  bigserial primary key,
    token               text not null unique,
    inviter_member_id   bigint not null references member (id),
    group_id            bigint not null references district_group (id),   -- the inviter's group when inviting
    channel             text not null check (channel in ('EMAIL', 'SMS')),
    address             text not null,            -- lower-case email or E.164 phone
    invitee_name        text,
    offers_proxy        boolean not null default false,
    status              text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    invitee_member_id   bigint references member (id),
    proxy_created       boolean not null default false,
    created_at          timestamptz not null default now(),
    answered_at         timestamptz,
    unique (inviter_member_id, channel, address)
);
create index invitation_group on invitation (group_id);
create index invitation_invitee on invitation (invitee_member_id) where invitee_member_id is not null;
