-- Texting results (issue 23): a text bank asks survey questions like a call packet, and the texter records
-- the answers and a result code for each conversation (a contact_attempt with channel SMS).
alter table text_bank add column questions text[] not null default '{}';
