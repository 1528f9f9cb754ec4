-- The best-efforts answer link (issue #17, item 4): stored only as the SHA-256 of its token, good once
-- (answered_at) and until answer_expires_at (pp.fundraising.best-efforts-answer-ttl, 30 days by
-- default). Links already sent carried the UUID's text; they keep working until 30 days after their request.
alter table best_efforts_request add column answer_token_hash bytea;
alter table best_efforts_request add column answer_expires_at timestamptz;
update best_efforts_request
set answer_token_hash = sha256(convert_to(answer_token::text, 'UTF8')),
    answer_expires_at = requested_at + interval '30 days';
alter table best_efforts_request alter column answer_token_hash set not null;
alter table best_efforts_request alter column answer_expires_at set not null;
alter table best_efforts_request add constraint best_efforts_request_answer_token_hash_key unique (answer_token_hash);
alter table best_efforts_request drop column answer_token;
