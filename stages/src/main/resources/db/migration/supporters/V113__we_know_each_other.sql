-- Issue #21, item 4 ("people I trust"): two members connected because both confirmed that they know each
-- other (one asks, the other confirms), who may find a member by name in their group, and whether those
-- who name me as a proxy let me see their name.

-- GROUP: any member of my group may find me by name; CONNECTED (the default): only people I am
-- connected to; NOBODY: nobody finds me by searching.
alter table member
    add column findable text not null default 'CONNECTED'
        constraint member_findable check (findable in ('GROUP', 'CONNECTED', 'NOBODY')),
    add column name_shown_to_proxies boolean not null default false;

-- One ask per pair and direction; confirmed_at set when the one asked confirms. The pair is connected
-- once either direction is confirmed.
create table acquaintance (
    id           bigserial primary key,
    asker_id     bigint not null references member (id),
    asked_id     bigint not null references member (id),
    asked_at     timestamptz not null default now(),
    confirmed_at timestamptz,
    constraint acquaintance_not_self check (asker_id <> asked_id),
    constraint acquaintance_once unique (asker_id, asked_id)
);
create index acquaintance_asked on acquaintance (asked_id, asker_id);
