-- Sign-in attempts counted per account name and per client address, shared by every serve replica.
-- An attempt is reserved (attempts + 1) in one statement before the password is hashed, so parallel
-- guesses cannot all pass the check; a correct password releases the reservation. A row whose window
-- has passed starts again at 1.
create table login_attempt (
    key           text primary key,          -- 'name:<lower-case account name>' or 'addr:<client address>'
    attempts      int not null,
    window_start  timestamptz not null
);
create index login_attempt_window on login_attempt (window_start);
