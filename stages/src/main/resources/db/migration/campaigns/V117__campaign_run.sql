-- The campaign as its workflow runs it (issue 22, item 1): when the current stage began, who ended or
-- extended it and why. The stage itself is V116's campaign.stage; PostgreSQL is the system of record,
-- so a campaign whose workflow Temporal has forgotten is started again from this row.
alter table campaign
    add column stage_entered_at timestamptz,
    add column ended_by         text,
    add column end_reason       text,
    add column extended_by      text,
    add column runs             int not null default 1;  -- workflow runs (continue-as-new and resumes)

-- The ladder (issue 22, item 4) reads attendance by member; RSVPs without a member never climb it.
create index event_rsvp_attended on event_rsvp (member_id, event_id)
    where checked_in_at is not null and member_id is not null;
create index campaign_event_reported on campaign_event (host_member_id, district_id)
    where status = 'REPORTED';
