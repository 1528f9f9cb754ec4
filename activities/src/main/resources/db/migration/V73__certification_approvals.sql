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

-- approvals recorded before this table: read once from the keys they were written under
insert into certification_approval (cycle_id, winner, actor, at)
select e.cycle_id, cast(split_part(e.dedup_key, ':', 2) as bigint), e.actor, e.at
from cycle_event e
where e.kind = 'CERTIFY_APPROVAL' and split_part(e.dedup_key, ':', 2) ~ '^[0-9]+$'
  and exists (select 1 from candidacy c where c.id = cast(split_part(e.dedup_key, ':', 2) as bigint))
order by e.id
on conflict (cycle_id, winner, actor) do nothing;
