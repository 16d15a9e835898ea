-- Issue 8: the directory sync's schedule, safety cap and pre-creation are an account's settings, not the
-- instance's (docs/decisions/0015-directory-sync.md). Existing accounts get the defaults: every 2 hours, held past
-- more than 10 operators or 5 %, no pre-creation. Written once for H2 (in PostgreSQL mode) and PostgreSQL.

alter table external_account add column sync_interval_minutes integer not null default 120;
alter table external_account add column sync_cap_operators integer not null default 10;
alter table external_account add column sync_cap_percent integer not null default 5;
alter table external_account add column sync_pre_create boolean not null default false;

-- The directory sync looks operators up by subject a chunk at a time (subject in (…)): an index the list can use.
create index ix_operator_subject on operator (subject);
