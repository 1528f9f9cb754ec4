-- Invitation codes are stored only as their SHA-256 hash (issue #17, item 4); lookups go by the hash.
-- Codes carry 144 random bits, so an unsalted hash cannot be walked back. Links already sent keep working.
alter table invitation add column token_hash bytea;
update invitation set token_hash = sha256(convert_to(token, 'UTF8'));
alter table invitation alter column token_hash set not null;
alter table invitation add constraint invitation_token_hash_key unique (token_hash);
alter table invitation drop column token;
