-- Issue 13. Written once for H2 (in PostgreSQL mode) and PostgreSQL: keep to the SQL both accept.

-- Sign-ins that failed before the identity provider's tokens came back (forged callbacks, a provider down,
-- too many waiting on it) are counted per account, reason and interval; only the first of each is recorded in
-- full in login_decision (the sample), so nobody can write without limit. docs/decisions/0013.
create table login_failure_tally (
    account      varchar(64) not null,
    reason_code  varchar(64) not null,
    window_start timestamp with time zone not null,
    failures     integer     not null,
    sample_id    varchar(36) not null,
    constraint login_failure_tally_pk primary key (account, reason_code, window_start)
);

-- Where an account last signed in with its password: an address that proved it knows the password is not
-- slowed by other addresses' guesses. docs/decisions/0011.
create table login_known_address (
    account_key  varchar(400) not null,
    address      varchar(64)  not null,
    last_success timestamp with time zone not null,
    constraint login_known_address_pk primary key (account_key, address)
);
