-- Tokens that `pp login` exchanges a password for, so the command line acts as a console account.
-- Only a SHA-256 of each token is kept: a copy of this table signs nobody in. A token is never
-- un-revoked; disabling its account revokes it, and signing in again issues a new one.

create table api_token (
    id            bigserial primary key,
    user_id       bigint not null references console_user (id),
    token_sha256  text not null,                 -- hex of SHA-256 over the token as the client sends it
    label         text not null default '',      -- where it was issued for, e.g. "pp on laptop"
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create unique index api_token_hash on api_token (token_sha256);
create index api_token_user on api_token (user_id) where revoked_at is null;
