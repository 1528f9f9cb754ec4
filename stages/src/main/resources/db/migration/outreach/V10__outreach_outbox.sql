-- Outreach: what the senders need on each outbox row to deliver it once, retry it, dead-letter it
-- and follow it after it left.

alter table outbox_message
    add column transactional       boolean not null default false, -- needed whatever the marketing preferences
    add column recipient_zone      text,                           -- IANA zone for SMS quiet hours; null = unknown
    add column claimed_at          timestamptz,                    -- when a sender took it (status SENDING)
    add column claimed_by          text,                           -- which sender process took it
    add column message_id          text,                           -- email Message-ID header, the same on every resend
    add column provider_message_id text,                           -- Twilio MessageSid
    add column unsubscribe_token   uuid not null default gen_random_uuid(),
    add column dead_reason         text,
    add column dead_at             timestamptz,
    add column delivery_status     text,                           -- from Twilio status callbacks
    add column delivery_error      text,
    add column delivery_updated_at timestamptz;

alter table outbox_message
    add constraint outbox_message_status check (status in ('PENDING', 'SENDING', 'SENT', 'DEAD', 'SUPPRESSED'));

-- claims scan due rows per channel in due order
drop index outbox_message_due;
create index outbox_message_due on outbox_message (channel, next_attempt_at, id) where status = 'PENDING';
-- the reaper looks only at claimed rows
create index outbox_message_claimed on outbox_message (claimed_at) where status = 'SENDING';
create index outbox_message_dead on outbox_message (dead_at) where status = 'DEAD';
create unique index outbox_message_unsubscribe on outbox_message (unsubscribe_token);
create unique index outbox_message_provider_id on outbox_message (provider_message_id) where provider_message_id is not null;

-- staff's view of what could not be sent, and why
create view outbox_dead_letter as
select id, dedup_key, channel, recipient, template, attempts, dead_reason, last_error, created_at, dead_at
from outbox_message where status = 'DEAD';
