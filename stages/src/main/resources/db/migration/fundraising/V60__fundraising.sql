-- Fundraising: the launched fundraiser's details and Stripe objects, donors and what federal law asks
-- of them, every payment and its refunds and disputes as ledger entries, Stripe's webhook events
-- (processed once each), the balance transactions and payouts pulled for reconciliation, and the
-- periods finance volunteers sign off.

alter table fundraiser
    add column title               text,
    add column description         text,
    add column starts_on           date,
    add column ends_on             date,
    add column committee_name      text,
    add column committee_fec_id    text,
    add column candidate_fec_id    text,
    -- OFF: Stripe was not configured at launch; nothing can be paid until it is and staff relaunch payments
    add column payments            text not null default 'OFF' check (payments in ('ON', 'OFF')),
    add column stripe_product_id   text,
    add column stripe_price_id     text,
    add column stripe_deactivated  boolean not null default false,
    add column deactivated_at      timestamptz,
    add column deactivation_reason text;

-- One row per person as federal reports see them: name and address normalised into identity_key.
-- Staff merge two rows that are the same person (a typo, a move) by pointing one at the other.
create table donor (
    id            bigserial primary key,
    identity_key  text not null,
    full_name     text not null,
    email         text,
    address_line1 text not null,
    address_line2 text,
    city          text not null,
    state         char(2) not null,
    zip           text not null,
    employer      text,
    occupation    text,
    merged_into   bigint references donor (id),
    merged_by     text,
    merged_at     timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create unique index donor_identity on donor (identity_key);
create index donor_merged_into on donor (merged_into) where merged_into is not null;

-- What a donor filled in on our form before Stripe Checkout took the payment: the attestations and
-- the election the gift is designated for. A one-time gift makes one donation; a monthly gift one per invoice.
create table contribution_intent (
    id                   bigserial primary key,
    fundraiser_id        bigint not null references fundraiser (id),
    donor_id             bigint not null references donor (id),
    amount_cents         bigint not null check (amount_cents > 0),
    recurring            boolean not null default false,
    election             text not null check (election in ('PRIMARY', 'GENERAL')),
    election_year        int not null,
    attest_own_funds     boolean not null,
    attest_citizen       boolean not null,
    attest_not_contractor boolean not null,
    attest_personal_card boolean not null,
    ip                   text,
    user_agent           text,
    checkout_session_id  text unique,
    subscription_id      text,
    last_failure         text,                 -- the latest declined payment, shown to staff
    last_failure_at      timestamptz,
    created_at           timestamptz not null default now(),
    check (attest_own_funds and attest_citizen and attest_not_contractor and attest_personal_card)
);
create index contribution_intent_subscription on contribution_intent (subscription_id) where subscription_id is not null;

alter table donation
    add column intent_id              bigint references contribution_intent (id),
    add column donor_id               bigint references donor (id),
    add column election               text check (election in ('PRIMARY', 'GENERAL')),
    add column election_year          int,
    add column status                 text not null default 'SUCCEEDED'
        check (status in ('SUCCEEDED', 'FAILED')),
    add column payment_intent_id      text,
    add column charge_id              text,
    add column invoice_id             text,
    add column fee_cents              bigint,                 -- Stripe's fee once known (reconciliation)
    add column refunded_cents         bigint not null default 0,
    add column disputed_cents         bigint not null default 0,
    add column redesignated_cents     bigint not null default 0, -- moved to the general election by staff
    add column limit_status           text not null default 'WITHIN'
        check (limit_status in ('WITHIN', 'OVER_LIMIT', 'EXCESS_REFUNDED', 'REDESIGNATED')),
    add column excess_cents           bigint not null default 0,
    add column limit_decided_by       text,
    add column limit_decided_at       timestamptz,
    add column paid_at                timestamptz,
    add column last_event_at          timestamptz;
create unique index donation_payment_intent on donation (payment_intent_id) where payment_intent_id is not null;
create unique index donation_charge on donation (charge_id) where charge_id is not null;
create unique index donation_invoice on donation (invoice_id) where invoice_id is not null;
create index donation_donor on donation (donor_id, election, election_year);
create index donation_fundraiser on donation (fundraiser_id, created_at);

-- Every change of money, dated: a donation, a refund, a dispute opened and a dispute won. Totals and
-- period reports are sums of these. The reference makes each entry once whatever the order or
-- repetition of the webhooks that report it. An entry that lands in a signed-off period is booked
-- in the current one instead, as an adjustment of the locked one.
create table ledger_entry (
    id             bigserial primary key,
    fundraiser_id  bigint not null references fundraiser (id),
    donation_id    bigint references donation (id),
    charge_id      text,
    kind           text not null check (kind in ('DONATION', 'REFUND', 'DISPUTE', 'DISPUTE_WON')),
    amount_cents   bigint not null,   -- signed: money in is positive
    occurred_at    timestamptz not null,
    booked_at      timestamptz not null,
    adjusts_period bigint,            -- the signed-off period this entry would have belonged to
    reference      text not null unique,
    created_at     timestamptz not null default now()
);
create index ledger_entry_fundraiser on ledger_entry (fundraiser_id, booked_at);
create index ledger_entry_charge on ledger_entry (charge_id) where charge_id is not null;

create table dispute (
    id            text primary key,           -- Stripe dispute id
    charge_id     text not null,
    amount_cents  bigint not null,
    status        text not null,
    reason        text,
    closed        boolean not null default false,
    event_created timestamptz not null      -- the newest event applied; an older one arriving late changes nothing
);

-- What Stripe last said a charge had refunded in all: refunds only grow, so the largest figure wins
-- whatever order the events come in, and a refund reported before its payment waits here for it.
create table charge_refund_state (
    charge_id        text primary key,
    refunded_cents   bigint not null,
    event_created    timestamptz not null      -- when Stripe reported that total: the refund's date in the ledger
);

-- Webhook events by Stripe id: written in the same transaction as their effect, so an event is applied once.
create table stripe_event (
    id           text primary key,
    type         text not null,
    created      timestamptz not null,
    received_at  timestamptz not null,
    outcome      text not null
);

-- Missing employer or occupation: the follow-up request federal rules ask for within 30 days.
create table best_efforts_request (
    donor_id     bigint not null references donor (id),
    donation_id  bigint not null references donation (id),
    due_by       timestamptz not null,
    requested_at timestamptz not null,
    answered_at  timestamptz,
    answer_token uuid not null default gen_random_uuid() unique,
    primary key (donor_id)
);

create table stripe_balance_transaction (
    id               text primary key,
    type             text not null,        -- charge, payment, refund, payment_refund, adjustment, payout, stripe_fee ...
    reporting_category text,
    source_id        text,                 -- ch_, re_, dp_, po_ ...
    charge_id        text,                 -- the charge a refund or dispute belongs to, when Stripe says
    amount_cents     bigint not null,
    fee_cents        bigint not null,
    net_cents        bigint not null,
    created          timestamptz not null,
    available_on     timestamptz,
    payout_id        text,
    pulled_at        timestamptz not null
);
create index stripe_balance_transaction_charge on stripe_balance_transaction (charge_id);
create index stripe_balance_transaction_payout on stripe_balance_transaction (payout_id) where payout_id is not null;
create index stripe_balance_transaction_created on stripe_balance_transaction (created);

create table stripe_payout (
    id            text primary key,
    amount_cents  bigint not null,
    status        text not null,
    arrival_date  timestamptz,
    created       timestamptz not null,
    event_created timestamptz,
    pulled_at     timestamptz not null
);

-- Where the next reconcile run starts pulling (Stripe's created time, with overlap; upserts make overlap harmless).
create table stripe_sync_cursor (
    name        text primary key,
    created_gte timestamptz not null
);

create table reconciliation_run (
    id           bigserial primary key,
    job_execution_id bigint,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    summary      jsonb
);

create table reconciliation_item (
    run_id          bigint not null references reconciliation_run (id),
    kind            text not null check (kind in ('MATCHED', 'IN_STRIPE_NOT_LEDGER', 'IN_LEDGER_NOT_STRIPE',
                        'AMOUNT_MISMATCH', 'FEE_MISMATCH', 'REFUND', 'REFUND_MISMATCH', 'DISPUTE', 'PAYOUT_MISMATCH')),
    fundraiser_id   bigint,
    donation_id     bigint,
    balance_transaction_id text,
    payout_id       text,
    charge_id       text,
    ledger_cents    bigint,
    stripe_cents    bigint,
    fee_cents       bigint,
    ok              boolean not null default false,   -- informational (a refund or dispute that agrees); the rest are exceptions
    action          text
);
create index reconciliation_item_run on reconciliation_item (run_id, kind);

-- A period a finance volunteer has signed off: its report is frozen as it was, and later changes
-- that belong to it are booked as adjustments in the open period.
create table period_signoff (
    id             bigserial primary key,
    fundraiser_id  bigint not null references fundraiser (id),
    period_start   date not null,
    period_end     date not null,          -- inclusive
    signed_by      text not null,
    signed_at      timestamptz not null,
    report         jsonb not null,
    check (period_end >= period_start),
    unique (fundraiser_id, period_start, period_end)
);
