-- The vote's record is append-only in the database itself: whoever can write to it cannot quietly edit
-- a ballot, a receipt, the frozen electorate or proxy lists, the result or the timeline. (A database
-- owner can still disable or drop these triggers; the recount compares every row with the receipt chain
-- and the stored fingerprints, so an edit made that way is still found.) The app's own changes are the
-- narrow transitions named below, each checked against the row it touches; everything else is refused.

create function voting_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;

-- ballot: the one change is a member changing their ballot while the round is open, and the new row
-- must carry a newer receipt of the same member already appended to the chain.
create function ballot_guard_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and new.cycle_id = old.cycle_id and new.member_id = old.member_id
            and new.receipt_seq > coalesce(old.receipt_seq, 0)
            and not exists (select 1 from ballot_seal s where s.cycle_id = new.cycle_id and s.reopened_at is null)
            and exists (select 1 from ballot_receipt r
                        where r.cycle_id = new.cycle_id and r.seq = new.receipt_seq
                          and r.member_id = new.member_id and r.receipt = new.receipt) then
        return new;
    end if;
    raise exception 'ballot is append-only: % refused (a ballot changes only by casting it again, before the seal)',
        tg_op;
end
$$;
create trigger ballot_append_only before update or delete on ballot
    for each row execute function ballot_guard_change();
create trigger ballot_no_truncate before truncate on ballot
    for each statement execute function voting_refuse_change();

-- ballot_receipt: entries are only appended, and never to a sealed chain.
create function ballot_receipt_guard_append() returns trigger language plpgsql as $$
declare
    sealed timestamptz;
begin
    select sealed_at into sealed from ballot_seal where cycle_id = new.cycle_id and reopened_at is null;
    if found then
        raise exception 'voting in cycle % closed at %: the receipt chain is sealed', new.cycle_id, sealed;
    end if;
    return new;
end
$$;
create trigger ballot_receipt_not_after_seal before insert on ballot_receipt
    for each row execute function ballot_receipt_guard_append();
create trigger ballot_receipt_append_only before update or delete on ballot_receipt
    for each row execute function voting_refuse_change();
create trigger ballot_receipt_no_truncate before truncate on ballot_receipt
    for each statement execute function voting_refuse_change();

-- electorate: frozen once, never changed.
create trigger electorate_append_only before update or delete on electorate
    for each row execute function voting_refuse_change();
create trigger electorate_no_truncate before truncate on electorate
    for each statement execute function voting_refuse_change();

-- cycle_proxy: the tally freezes the lists again when it counts again (after the automatic extension, or
-- a retried tally), deleting the cycle's earlier frozen lists; that happens only in the voting round.
create function cycle_proxy_guard_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from cycle c where c.id = old.cycle_id
                                    and c.status = 'RUNNING' and c.stage = 'VOTING_ROUND') then
        return old;
    end if;
    raise exception 'cycle_proxy is append-only: % refused (the lists are frozen again only by a tally in the voting round)',
        tg_op;
end
$$;
create trigger cycle_proxy_append_only before update or delete on cycle_proxy
    for each row execute function cycle_proxy_guard_change();
create trigger cycle_proxy_no_truncate before truncate on cycle_proxy
    for each statement execute function voting_refuse_change();

-- cycle_result: two changes. (1) A tally in the voting round replaces the result (the count after the
-- automatic extension, or a retried tally). (2) A winner who withdraws is replaced by the runner-up from
-- the same ballots: the old winner's candidacy is withdrawn, only winner, runner_up, result and
-- computed_at change, and the new winner is the old runner-up.
create function cycle_result_guard_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.cycle_id = old.cycle_id then
        if exists (select 1 from cycle c where c.id = old.cycle_id
                   and c.status = 'RUNNING' and c.stage = 'VOTING_ROUND') then
            return new;
        end if;
        if new.winner is not distinct from old.runner_up
                and exists (select 1 from candidacy w where w.id = old.winner and w.status = 'WITHDRAWN')
                and (new.method, new.policy, new.seed, new.electorate, new.exercised_units, new.total_units,
                     new.quorum_met, new.margin_share, new.chain_head, new.chain_length, new.ballots,
                     new.electorate_print, new.proxies_print, new.proxy_rows)
                    is not distinct from
                    (old.method, old.policy, old.seed, old.electorate, old.exercised_units, old.total_units,
                     old.quorum_met, old.margin_share, old.chain_head, old.chain_length, old.ballots,
                     old.electorate_print, old.proxies_print, old.proxy_rows) then
            return new;
        end if;
    end if;
    raise exception 'cycle_result is append-only: % refused (only a tally in the voting round or a withdrawn winner''s replacement change it)',
        tg_op;
end
$$;
create trigger cycle_result_append_only before update or delete on cycle_result
    for each row execute function cycle_result_guard_change();
create trigger cycle_result_no_truncate before truncate on cycle_result
    for each statement execute function voting_refuse_change();

-- cycle_event: the timeline is only appended to.
create trigger cycle_event_append_only before update or delete on cycle_event
    for each row execute function voting_refuse_change();
create trigger cycle_event_no_truncate before truncate on cycle_event
    for each statement execute function voting_refuse_change();

-- ballot_seal: the one change is reopening the seal in force for the automatic extension, in the
-- voting round; what was sealed stays as it was.
create function ballot_seal_guard_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.reopened_at is null and new.reopened_at is not null
            and (new.cycle_id, new.seal_no, new.chain_length, new.head_hash, new.sealed_at, new.reason, new.actor)
                is not distinct from
                (old.cycle_id, old.seal_no, old.chain_length, old.head_hash, old.sealed_at, old.reason, old.actor)
            and exists (select 1 from cycle c where c.id = old.cycle_id
                        and c.status = 'RUNNING' and c.stage = 'VOTING_ROUND') then
        return new;
    end if;
    raise exception 'ballot_seal is append-only: % refused', tg_op;
end
$$;
create trigger ballot_seal_append_only before update or delete on ballot_seal
    for each row execute function ballot_seal_guard_change();
create trigger ballot_seal_no_truncate before truncate on ballot_seal
    for each statement execute function voting_refuse_change();
