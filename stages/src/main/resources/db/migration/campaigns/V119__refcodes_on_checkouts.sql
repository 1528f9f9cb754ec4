-- Share codes on the donation path (issue 22): the checkout keeps the visitor's first- and last-touch
-- refcodes on its contribution intent, so that the donation booked later from the webhook is attributed
-- (attribution, subject_kind DONATION) without the payment processor carrying anything of ours.
alter table contribution_intent add column first_refcode text references refcode (code);
alter table contribution_intent add column last_refcode text references refcode (code);

-- The dashboard's "donations by refcode" and a member's "what my links brought in" read attribution by code.
create index attribution_cycle on attribution (cycle_id, subject_kind);
