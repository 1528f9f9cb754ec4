-- Issue 23, phone bank: one-time event links for guest callers (no member account) and their sessions.
-- A guest caller is never a member (members vote): no member row, a session of its own kind, limited to
-- the event's campaign's call page. Only the SHA-256 of the link's token and of the session key is stored.
create table caller_link (
    id          bigserial primary key,
    event_id    bigint not null references campaign_event (id),
    cycle_id    text not null references campaign (cycle_id),
    token_hash  bytea not null unique,
    caller_name text not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_by  text not null,
    created_at  timestamptz not null default now()
);
create index caller_link_event on caller_link (event_id, created_at);

create table caller_session (
    id          bigserial primary key,
    link_id     bigint not null unique references caller_link (id),
    cycle_id    text not null references campaign (cycle_id),
    caller_name text not null,
    key_hash    bytea not null unique,
    form_key    text not null,
    expires_at  timestamptz not null,
    ended_at    timestamptz,
    created_at  timestamptz not null default now()
);

-- who called, when it was a guest (the volunteer column then reads 'guest:{session id}')
alter table contact_attempt add column caller_session_id bigint references caller_session (id);
alter table contact_attempt add column caller_name text;
