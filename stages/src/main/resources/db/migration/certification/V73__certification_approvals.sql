-- Who approved which winner of a cycle, one row per approval. The workflow keeps the same list in
-- memory; this is what the dashboard counts and what a resumed workflow is started with. Before this
-- table an approval lived only in its timeline event's dedup key, certify:<winner>:<actor>.

create table certification_approval (
    id          bigserial primary key,
    cycle_id    text not null references cycle (id),
    winner      bigint not null references candidacy (id),
    actor       text not null,
    at          timestamptz not null default now(),
    unique (cycle_id, winner, actor)
);

-- approvals recorded before this table: read once from the keys they were written under (the case
-- keeps the cast away from any key that is not of that form)
insert into certification_approval (cycle_id, winner, actor, at)
select k.cycle_id, k.winner, k.actor, k.at
from (select e.id, e.cycle_id, e.actor, e.at,
             case when split_part(e.dedup_key, ':', 1) = 'certify' and split_part(e.dedup_key, ':', 2) ~ '^[0-9]{1,18}$'
                  then cast(split_part(e.dedup_key, ':', 2) as bigint) end as winner
      from cycle_event e where e.kind = 'CERTIFY_APPROVAL') k
where k.winner is not null and exists (select 1 from candidacy c where c.id = k.winner)
order by k.id
on conflict (cycle_id, winner, actor) do nothing;
