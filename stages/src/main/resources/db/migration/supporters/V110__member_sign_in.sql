-- Members sign in to their home page (/me) without a password: they ask for a one-time link to their
-- own email or phone, and following it opens a session that reaches the members' pages only.
--
-- Every request is a row, whether or not the address is a member's (token_hash and member_id are then
-- null and nothing is sent): the limits per address and per network address count both alike, so
-- neither the answer nor the limits tell anyone whether an address belongs to a member. Only the
-- SHA-256 of a link's random token is kept; a copy of this table opens nothing.
create table member_sign_in (
    id              bigserial primary key,
    token_hash      bytea unique,
    member_id       bigint references member (id),
    address         text not null,             -- lower-case email or E.164 phone, as asked for
    channel         text not null check (channel in ('EMAIL', 'SMS')),
    requested_ip    text not null,
    requested_at    timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index member_sign_in_ip on member_sign_in (requested_ip, requested_at);
create index member_sign_in_address on member_sign_in (address, requested_at);

-- A member's session: the cookie holds a random key of which only the SHA-256 is kept here. form_key
-- goes in every form of the members' pages, so that no other site can post one in the member's name.
create table member_session (
    id              bigserial primary key,
    key_hash        bytea not null unique,
    member_id       bigint not null references member (id),
    form_key        text not null,
    created_at      timestamptz not null default now(),
    last_seen_at    timestamptz not null default now(),
    expires_at      timestamptz not null,
    ended_at        timestamptz
);
create index member_session_member on member_session (member_id) where ended_at is null;
