-- The Smartocratic vote's storage: one-time ballot links and the short sessions they open, per-cycle
-- proxy overrides, the receipt chain, the proxy lists and ballot weights as counted, and recount reports.

-- A ballot link carries a random 256-bit token; only its SHA-256 is kept, so a copy of this table
-- opens no ballot. The link is spent on first use and exchanged for a session.
create table ballot_access (
    token_hash  bytea primary key,
    cycle_id    text not null references cycle (id),
    member_id   bigint not null references member (id),
    channel     text not null check (channel in ('EMAIL', 'SMS')),
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,          -- the link's own limit; the voting deadline applies as well
    used_at     timestamptz
);
create index ballot_access_member on ballot_access (cycle_id, member_id);

create table ballot_session (
    session_hash bytea primary key,            -- SHA-256 of the cookie's value
    cycle_id     text not null references cycle (id),
    member_id    bigint not null references member (id),
    form_key     text not null,                -- echoed by the page's forms; another site cannot know it
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null
);
create index ballot_session_member on ballot_session (cycle_id, member_id);

-- A member's list for one cycle replaces their standing list for that cycle only, even when empty
-- (naming nobody this time), so the override itself is a row and its proxies are proxy_assignment rows
-- with cycle_id set.
create table proxy_override (
    cycle_id    text not null references cycle (id),
    member_id   bigint not null references member (id),
    group_id    bigint not null references district_group (id),
    set_at      timestamptz not null default now(),
    primary key (cycle_id, member_id)
);

-- Every stored ballot appends an entry: receipt = SHA-256(previous | cycle | member | ranking | seq).
-- A changed ballot appends again; the member's latest entry is the one counted. Rankings are not kept
-- here: the ballot row holds the counted one, superseded rankings are gone.
create table ballot_receipt (
    cycle_id    text not null references cycle (id),
    seq         bigint not null check (seq > 0),
    member_id   bigint not null references member (id),
    previous    text not null,
    receipt     text not null,
    cast_at     timestamptz not null default now(),
    primary key (cycle_id, seq),
    unique (cycle_id, receipt)
);
create index ballot_receipt_member on ballot_receipt (cycle_id, member_id, seq);

alter table ballot add column receipt_seq bigint;

-- The proxy lists as the count used them (override or standing list, lists naming someone outside the
-- electorate set aside), frozen at the tally: standing lists go on changing for later cycles, a
-- recount must not follow them.
create table cycle_proxy (
    cycle_id        text not null references cycle (id),
    member_id       bigint not null,
    proxy_member_id bigint not null,
    units           smallint not null,
    primary key (cycle_id, member_id, proxy_member_id)
);

-- Each ballot's weight in the stored result, to the picounit.
create table ballot_weight (
    cycle_id    text not null references cycle (id),
    member_id   bigint not null,
    weight      numeric not null,
    primary key (cycle_id, member_id)
);

alter table cycle_result
    add column chain_head        text,          -- receipt of the last chain entry when the round was counted
    add column chain_length      bigint,
    add column ballots           int,
    add column electorate_print  text,          -- fingerprints of the row sets counted, to spot later edits
    add column proxies_print     text,
    add column proxy_rows        bigint;

create table recount_report (
    id               bigserial primary key,
    cycle_id         text not null references cycle (id),
    job_execution_id bigint,                    -- the Spring Batch execution, when the job ran it
    actor            text not null,
    started_at       timestamptz not null,
    finished_at      timestamptz not null default now(),
    matches          boolean not null,
    summary          text not null,
    details          jsonb not null
);
create index recount_report_cycle on recount_report (cycle_id, id);
