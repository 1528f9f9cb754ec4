-- Every staff action in the console or the REST API: who, what, when, on what, with the state before
-- and after. Refused and denied attempts are kept too: an auditor wants to see those as well.

create table audit_log (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    actor         text not null,
    actor_role    text,
    action        text not null,                -- e.g. cycle.certify, user.add, login
    target        text not null default '',     -- e.g. TX-07-1, user bob
    outcome       text not null check (outcome in ('DONE', 'REFUSED', 'DENIED')),
    detail        text not null default '',
    before_state  jsonb,
    after_state   jsonb,
    remote_addr   text
);
create index audit_log_recent on audit_log (at desc, id desc);
create index audit_log_target on audit_log (target, id desc);
create index audit_log_actor on audit_log (lower(actor), id desc);

-- Append-only for the application: rows can be added, never changed or removed. (A database owner
-- can still drop the trigger; that leaves a trace in the migration history and server logs, which
-- is the point of keeping the rule in the database rather than in application code.)
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
