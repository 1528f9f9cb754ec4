-- The join page asks whether the group's news may come by email and by text. The answers wait with the
-- request and reach the one consent record when its link is followed (the address is then known to be
-- the person's). Null: not asked (the API, which has no such question).
alter table join_request add column email_ok boolean;
alter table join_request add column sms_ok boolean;
