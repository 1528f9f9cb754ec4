-- A voting round is sealed when it closes (early by staff, or at the deadline by the workflow): the
-- receipt chain's length and head are written here under the same lock as a ballot's append, and
-- nothing is appended after it. The count, the recount and the receipt check read the chain up to
-- chain_length. A round that closes without quorum is extended once: its seal is then reopened (the
-- only change a seal row takes) and the next close seals it again with seal_no + 1.
create table ballot_seal (
    cycle_id      text not null references cycle (id),
    seal_no       int not null check (seal_no > 0),
    chain_length  bigint not null check (chain_length >= 0),
    head_hash     text not null,                -- the receipt of entry chain_length (64 zeros when empty)
    sealed_at     timestamptz not null default now(),
    reason        text not null,
    actor         text not null,
    reopened_at   timestamptz,
    reopen_reason text,
    primary key (cycle_id, seal_no)
);
-- at most one seal in force per cycle
create unique index ballot_seal_in_force on ballot_seal (cycle_id) where reopened_at is null;

-- The length of the chain a count reads: the seal in force, or all of it while the round is open.
create function ballot_sealed_length(cycle text) returns bigint language sql stable as $$
    select coalesce((select chain_length from ballot_seal where cycle_id = cycle and reopened_at is null),
                    9223372036854775807)
$$;

-- Each entry's receipt mixes in SHA-256 of a 128-bit secret shown only to the member (hex of the
-- SHA-256 of the secret's 32 hex digits). The secret itself is never stored. Entries from before this
-- column (null) keep the receipt formula without it.
alter table ballot_receipt add column secret_hash text;
