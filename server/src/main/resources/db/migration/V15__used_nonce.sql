-- Issue 9. Written once for H2 (in PostgreSQL mode) and PostgreSQL: keep to the SQL both accept.

-- The OpenID Connect nonce of each sign-in that reached the instance's decision, so that a sign-in's
-- authorization request (now in a sealed cookie, not a session) is used once: a replayed callback finds its nonce
-- here and fails. Rows older than the cookie's lifetime cannot be replayed any more and are deleted.
-- docs/decisions/0025.
create table used_nonce (
    nonce   varchar(128) not null,
    used_at timestamp with time zone not null,
    constraint used_nonce_pk primary key (nonce)
);
create index used_nonce_used_at on used_nonce (used_at);
