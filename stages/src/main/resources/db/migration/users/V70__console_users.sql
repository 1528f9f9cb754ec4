-- Console accounts: national staff, finance volunteers, auditors and admins. One role per person, so
-- what someone may do is read off one column. The first admin is created from the command line
-- (pp users add --role admin); later accounts by an admin in the console or the same command.

create table console_user (
    id             bigserial primary key,
    username       text not null,
    role           text not null check (role in ('ADMIN', 'STAFF', 'FINANCE', 'AUDITOR')),
    -- a self-describing hash ({argon2}...), so the KDF can be strengthened later without a migration
    password_hash  text not null,
    enabled        boolean not null default true,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    last_login_at  timestamptz
);
-- "Alice" and "alice" are the same person to the four-eyes rule, so names are unique without case
create unique index console_user_username on console_user (lower(username));
