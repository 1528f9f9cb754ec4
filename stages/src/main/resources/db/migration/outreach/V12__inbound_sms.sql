-- Replies to our texts, one row per Twilio MessageSid: a webhook Twilio retries finds its row and
-- changes nothing a second time.

create table inbound_sms (
    message_sid   text primary key,
    account_sid   text,
    from_number   text not null,
    to_number     text,
    body          text not null,
    keyword       text,                        -- OPT_OUT, OPT_IN, HELP or null
    opt_out_type  text,                        -- Twilio's OptOutType when Twilio handled the keyword itself
    received_at   timestamptz not null default now()
);
create index inbound_sms_from on inbound_sms (from_number, received_at);
