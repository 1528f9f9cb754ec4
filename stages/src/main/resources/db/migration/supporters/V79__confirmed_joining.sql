-- Joining a district group is confirmed by the person, and a person belongs to one group.
--
-- A request to join (from the public API) is only a request until its link is followed: it waits here,
-- with the SHA-256 of its random 128-bit token (a copy of this table opens nothing), and becomes a
-- membership when confirmed. Nothing reaches member or group_membership before that, so a flood of
-- requests adds no one to the supporter list or to an electorate. The rows also count requests per
-- network address and per email or phone, for the limits (as the nomination table does).
create table join_request (
    id              bigserial primary key,
    token_hash      bytea not null unique,
    district_id     text not null,             -- the district the person will join (from their ZIP when given)
    named_district  text not null,             -- the district named in the request
    full_name       text not null,
    email           text,                      -- lower-case
    phone           text,                      -- E.164
    street          text,
    zip             char(5),
    language        text not null default 'en' check (language in ('en', 'es')),
    channel         text not null check (channel in ('EMAIL', 'SMS')),
    address         text not null,             -- where the link went: the email, or the phone without one
    requested_ip    text not null,
    requested_at    timestamptz not null default now(),
    expires_at      timestamptz not null,
    confirmed_at    timestamptz,
    member_id       bigint references member (id)
);
create index join_request_ip on join_request (requested_ip, requested_at);
create index join_request_address on join_request (address, requested_at);

-- How a member's joining was confirmed: following the emailed or texted link (CONFIRMED_LINK), accepting
-- an invitation that came by the invitee's own link (INVITATION), a list the organisation vouches for
-- imported with --join (VOUCHED_LIST), or staff entering a member they know (STAFF). UNCONFIRMED marks
-- those who joined through the public API before confirmation existed: they keep their membership but
-- get no ballot until they confirm (joining again sends them the link).
alter table member add column joined_via text
    check (joined_via in ('CONFIRMED_LINK', 'INVITATION', 'VOUCHED_LIST', 'STAFF', 'UNCONFIRMED'));
update member m set joined_via = case
        when m.import_run_id is not null then 'VOUCHED_LIST'
        when m.source like 'invitation %' then 'INVITATION'
        else 'UNCONFIRMED' end
where m.joined_at is not null or exists (select 1 from group_membership gm where gm.member_id = m.id and gm.left_at is null);

-- One open membership per person: the same email joined to two groups was a member of both, with two
-- ballots and a proxy page that failed. The latest joined stays open (the person's last choice); the
-- others are closed now. From here the database refuses a second open membership.
update group_membership gm set left_at = now()
where gm.left_at is null and exists (
    select 1 from group_membership later
    where later.member_id = gm.member_id and later.left_at is null
      and (later.joined_at, later.group_id) > (gm.joined_at, gm.group_id));
create unique index group_membership_one_open on group_membership (member_id) where left_at is null;
-- the electorate's freeze leaves these out; few or none, so the freeze finds them by this index
create index member_unconfirmed on member (id) where joined_via = 'UNCONFIRMED';
