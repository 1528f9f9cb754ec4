-- Issue #24: the organization as a conduit (11 CFR 110.6). Gifts earmarked for the certified
-- candidate are taken on the organization's Stripe account and forwarded to the candidate's
-- principal campaign committee, which connects its own Stripe account (Connect, Express), within
-- 10 days of receipt.

-- The committee finance recorded, and where its Stripe account stands.
alter table fundraiser
    add column committee_treasurer          text,
    add column committee_address            text,
    add column committee_recorded_by        text,
    add column committee_recorded_at        timestamptz,
    add column committee_account_id         text unique,     -- acct_..., the committee's connected account
    add column committee_details_submitted  boolean not null default false,
    add column committee_charges_enabled    boolean not null default false,
    add column committee_payouts_enabled    boolean not null default false,
    add column committee_connected_at       timestamptz;     -- first time details submitted and payouts enabled

-- One row per earmarked donation: its 10-day deadline, the transfer that forwarded it, what was
-- taken back from the committee when the gift was refunded or disputed, and the escalation sent 3 days
-- before the deadline. Idempotency keys are derived from the donation id, so a retried forward reaches the
-- transfer the first attempt created.
create table earmark_forward (
    donation_id     bigint primary key references donation (id),
    fundraiser_id   bigint not null references fundraiser (id),
    received_at     timestamptz not null,
    due_by          timestamptz not null,            -- received_at + 10 days
    account_id      text,                            -- the committee account it went to
    transfer_id     text unique,
    transfer_cents  bigint,
    forwarded_at    timestamptz,
    reversed_cents  bigint not null default 0,       -- refunds and disputes taken back from the committee
    escalated_at    timestamptz                      -- the finance warning, sent once
);
create index earmark_forward_pending on earmark_forward (fundraiser_id, due_by) where transfer_id is null;

-- Transfers as Stripe lists them (reconcile pulls them), matched by the donation id in their metadata.
create table stripe_transfer (
    id              text primary key,
    destination     text not null,
    amount_cents    bigint not null,
    reversed_cents  bigint not null default 0,
    donation_id     bigint,                          -- metadata pp_donation_id
    source_charge   text,
    created         timestamptz not null,
    pulled_at       timestamptz not null
);
create index stripe_transfer_donation on stripe_transfer (donation_id);

-- Payouts from a committee's connected account are the committee's; the account says whose.
alter table stripe_payout add column account_id text;

alter table reconciliation_item drop constraint reconciliation_item_kind_check;
alter table reconciliation_item add constraint reconciliation_item_kind_check check (kind in ('MATCHED',
    'IN_STRIPE_NOT_LEDGER', 'IN_LEDGER_NOT_STRIPE', 'AMOUNT_MISMATCH', 'FEE_MISMATCH', 'REFUND', 'REFUND_MISMATCH',
    'DISPUTE', 'PAYOUT_MISMATCH', 'FORWARDED_LATE', 'NOT_FORWARDED', 'TRANSFER_MISMATCH'));
alter table reconciliation_item add column transfer_id text;
