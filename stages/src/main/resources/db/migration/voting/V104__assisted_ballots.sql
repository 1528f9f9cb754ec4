-- Assisted voting (issue #18, item 4). Staff no longer cast a ballot or change proxies for a member: a
-- member who asks for help (by phone, say) gets an assisted ballot, which staff enter here, pending. It is
-- not in the receipt chain and counts for nothing until the member follows the link sent to them and
-- confirms it; then it is cast through the same command the member's own ballot page uses, and the
-- chain entry it made is noted here. A voided, replaced or never-answered entry leaves nothing in the chain.
create table assisted_ballot (
    id           bigserial primary key,
    cycle_id     text not null references cycle (id),
    member_id    bigint not null references member (id),
    ranking      bigint[],                      -- null: the entry names no ranking
    proxies      jsonb,                         -- [{"proxyMemberId": 12, "units": 10}]; null: no proxy change
    proxy_scope  text check (proxy_scope in ('STANDING', 'CYCLE')),
    entered_by   text not null,                 -- the staff account
    entered_at   timestamptz not null default now(),
    request_note text not null default '',      -- how the member asked ("by phone")
    token_hash   bytea not null unique,         -- SHA-256 of the link's token; the token itself is never stored
    channel      text not null check (channel in ('EMAIL', 'SMS')),
    state        text not null default 'PENDING' check (state in ('PENDING', 'CONFIRMED', 'VOIDED', 'REPLACED')),
    answered_at  timestamptz,
    receipt_seq  bigint,                        -- the chain entry the confirmed ranking made
    check (ranking is not null or proxies is not null),
    check ((proxies is null) = (proxy_scope is null)),
    check ((state = 'PENDING') = (answered_at is null)),
    check (receipt_seq is null or state = 'CONFIRMED')
);
-- one entry awaits the member's answer at a time; a new one replaces it
create unique index assisted_ballot_one_pending on assisted_ballot (cycle_id, member_id) where state = 'PENDING';
create index assisted_ballot_member on assisted_ballot (cycle_id, member_id, id);

-- Append-only like the rest of the vote's record, with one narrow transition: a PENDING entry is answered
-- once, to CONFIRMED (by the member's link; with the chain entry of its ranking, which must be that
-- member's receipt in the same cycle), VOIDED (by the member's link) or REPLACED (staff entered a newer
-- one for the same member and cycle). Nothing else of the row changes; no row is deleted.
create function assisted_ballot_guard_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and old.state = 'PENDING' and new.state in ('CONFIRMED', 'VOIDED', 'REPLACED')
            and new.answered_at is not null
            and new.id = old.id and new.cycle_id = old.cycle_id and new.member_id = old.member_id
            and new.ranking is not distinct from old.ranking
            and new.proxies is not distinct from old.proxies
            and new.proxy_scope is not distinct from old.proxy_scope
            and new.entered_by = old.entered_by and new.entered_at = old.entered_at
            and new.request_note = old.request_note and new.token_hash = old.token_hash
            and new.channel = old.channel
            and (new.receipt_seq is null
                 or exists (select 1 from ballot_receipt r where r.cycle_id = new.cycle_id
                            and r.seq = new.receipt_seq and r.member_id = new.member_id)) then
        return new;
    end if;
    raise exception 'assisted_ballot is append-only: % refused (a pending entry is only confirmed, voided or replaced, once)',
        tg_op;
end
$$;
create trigger assisted_ballot_append_only before update or delete on assisted_ballot
    for each row execute function assisted_ballot_guard_change();
create trigger assisted_ballot_no_truncate before truncate on assisted_ballot
    for each statement execute function voting_refuse_change();
