-- The order of Twilio's message statuses, so a late or repeated status callback never moves a row's
-- delivery status backwards ("sent" arriving after "delivered").
create function outreach_delivery_rank(status text) returns int
language sql immutable as $$
    select case status
        when 'accepted' then 1 when 'scheduled' then 1 when 'queued' then 1
        when 'sending' then 2
        when 'sent' then 3
        when 'delivered' then 4 when 'undelivered' then 4 when 'failed' then 4 when 'canceled' then 4
        when 'read' then 5
        else 0
    end
$$;
