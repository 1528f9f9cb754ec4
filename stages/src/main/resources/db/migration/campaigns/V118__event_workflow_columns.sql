-- Events hosted by volunteers (issue 22, item 2): what V116 left to the event pages and EventWorkflow.
-- When an RSVP's link was followed, when the workflow's last step (the follow-up) was done, and the
-- video link's place for online events already exists (video_url). A finished event's workflow is not
-- resumed on start: followed_up_at says it is done.
alter table event_rsvp add column confirmed_at timestamptz;
alter table campaign_event add column followed_up_at timestamptz;
alter table campaign_event add column objected_at timestamptz;
-- the host's own check-ins and report are audited; the figures on the row are the latest report
create unique index event_rsvp_confirm_token on event_rsvp (confirm_token_hash) where confirm_token_hash is not null;
-- events still to run (review, reminders, follow-up): what the app resumes on start
create index campaign_event_unfinished on campaign_event (id) where followed_up_at is null;
