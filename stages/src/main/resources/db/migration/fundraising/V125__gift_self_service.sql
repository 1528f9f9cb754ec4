-- Donor self-service (issue 24 item 3): a link in every receipt to manage the gift.
-- Only the SHA-256 of the link's token is kept; a link is good for 30 days, for one contribution form
-- (its monthly subscription, or the one-time gift); every receipt carries a fresh one.
create table gift_link (
    id          bigserial primary key,
    token_hash  bytea not null unique,
    intent_id   bigint not null references contribution_intent (id),
    expires_at  timestamptz not null,
    created_at  timestamptz not null default now()
);
create index gift_link_intent on gift_link (intent_id);

alter table contribution_intent
    add column cancelled_at        timestamptz,
    add column cancelled_by        text check (cancelled_by in ('DONOR', 'STAFF', 'STRIPE')),
    add column amount_changed_at   timestamptz;

-- what the donor did, for finance: one line per change
create table gift_change (
    id          bigserial primary key,
    intent_id   bigint not null references contribution_intent (id),
    kind        text not null check (kind in ('AMOUNT', 'CANCEL', 'RECEIPTS')),
    old_cents   bigint,
    new_cents   bigint,
    at          timestamptz not null default now()
);
create index gift_change_intent on gift_change (intent_id);
