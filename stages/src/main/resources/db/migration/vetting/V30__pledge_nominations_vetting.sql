-- Pledge, nominations and vetting: a signed pledge version is frozen, signatures are append-only
-- (withdrawal is a recorded fact), nominations wait for an emailed confirmation and the nominee's
-- acceptance, and every candidacy carries its eligibility answers and the staff review checklist.

-- ---- pledge ----

alter table pledge_signature
    add column content_hash      text,          -- the exact text signed (pledge_version.content_hash)
    add column consented_at      timestamptz,   -- the consent box was ticked (null only on rows from before V30)
    add column withdrawal_reason text;

-- Once anyone has signed a version its text cannot change or disappear: staff publish a new version.
create function pledge_version_frozen() returns trigger language plpgsql as $$
begin
    if exists (select 1 from pledge_signature s where s.pledge_version_id = old.id) then
        raise exception 'pledge version % has been signed and cannot be changed; publish a new version', old.version
            using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger pledge_version_frozen before update or delete on pledge_version
    for each row execute function pledge_version_frozen();

-- A signature is never deleted or rewritten; the one change allowed is recording its withdrawal, once.
create function pledge_signature_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a pledge signature is never deleted; withdraw it instead' using errcode = 'check_violation';
    end if;
    if old.withdrawn_at is not null
       or new.pledge_version_id <> old.pledge_version_id or new.candidate_id <> old.candidate_id
       or new.typed_name <> old.typed_name or new.signed_at <> old.signed_at
       or new.content_hash is distinct from old.content_hash or new.consented_at is distinct from old.consented_at
       or new.ip is distinct from old.ip or new.user_agent is distinct from old.user_agent then
        raise exception 'a pledge signature is append-only: only its withdrawal can be recorded, once'
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger pledge_signature_append_only before update or delete on pledge_signature
    for each row execute function pledge_signature_append_only();

-- ---- candidate profile ----

alter table candidate
    add column links              text[] not null default '{}',
    add column profile_updated_at timestamptz;

-- ---- candidacy: eligibility and the review checklist ----

alter table candidacy
    add column eligibility            jsonb,          -- the answers given on acceptance
    add column eligibility_confirmed_at timestamptz,
    add column references_contacted   boolean not null default false,
    add column public_record_checked  boolean not null default false,
    add column fec_filings_checked    boolean not null default false,
    add column review_due_at          timestamptz,    -- a decision is due by then; later it is escalated
    add column escalations            int not null default 0;

-- ---- nominations ----

alter table nomination
    add column status          text not null default 'CONFIRMED'
        check (status in ('UNCONFIRMED', 'CONFIRMED', 'MERGED', 'ACCEPTED', 'INELIGIBLE')),
    add column merged_into     bigint references nomination (id),
    add column submitted_ip    text,
    add column confirmed_at    timestamptz,
    add column invited_at      timestamptz,
    add column accepted_at     timestamptz,
    add column ineligible_reason text,
    add column reminders_sent  int not null default 0;
create index nomination_cycle_status on nomination (cycle_id, status);
create index nomination_ip_time on nomination (submitted_ip, created_at);
create index nomination_nominator_time on nomination (lower(nominator_email), created_at);

-- Links sent to nominators (confirm) and nominees (accept and sign): a random token, only its hash
-- kept; good once and until it expires.
create table nomination_link (
    token_hash    bytea primary key,
    nomination_id bigint not null references nomination (id),
    purpose       text not null check (purpose in ('CONFIRM', 'ACCEPT')),
    issued_at     timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index nomination_link_nomination on nomination_link (nomination_id, purpose);

-- ---- the candidate's timeline ----

-- What a nominee or candidate did and what the system did about them; the messages sent are the
-- outbox rows listed in candidate_message.
create table candidate_event (
    id            bigserial primary key,
    nomination_id bigint references nomination (id),
    candidacy_id  bigint references candidacy (id),
    at            timestamptz not null default now(),
    kind          text not null,
    detail        text not null default '',
    actor         text not null default 'system',
    dedup_key     text not null unique,
    check (nomination_id is not null or candidacy_id is not null)
);
create index candidate_event_nomination on candidate_event (nomination_id);
create index candidate_event_candidacy on candidate_event (candidacy_id);

create table candidate_message (
    dedup_key     text primary key references outbox_message (dedup_key),
    nomination_id bigint references nomination (id),
    candidacy_id  bigint references candidacy (id),
    step          text not null
);
create index candidate_message_nomination on candidate_message (nomination_id);
create index candidate_message_candidacy on candidate_message (candidacy_id);

-- Staff on duty: overdue reviews are escalated to them by email.
create table vetting_duty (
    email     text primary key,
    name      text not null,
    added_at  timestamptz not null default now()
);
