-- The audit bundle of a counted round names each member of the frozen electorate by a pseudonym: random
-- (gen_random_uuid, 122 bits from PostgreSQL's strong random source), one per member and cycle, made the
-- first time the bundle is asked for and kept so that every copy of the bundle is the same. Nothing in
-- the bundle leads from a pseudonym back to a member; this table is the only link and is never published.
create table audit_pseudonym (
    cycle_id    text not null references cycle (id),
    member_id   bigint not null,
    pseudonym   text not null,
    primary key (cycle_id, member_id),
    unique (cycle_id, pseudonym)
);
