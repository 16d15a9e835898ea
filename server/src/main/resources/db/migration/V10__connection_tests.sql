-- The console's dashboard and filters: an account's last allowed sign-in (and its decisions page) from the index,
-- not a scan of every decision; audit events about one target (an operator's page links to them).
create index ix_login_decision_account_outcome on login_decision (account, outcome, occurred_at);
create index ix_audit_event_target on audit_event (target_type, target);

-- The last Test connection of each external account, for the console's dashboard: when, whether it worked, and
-- the first step that failed. One row per account, replaced at each test (the console and the API alike).
create table connection_test (
    account     varchar(64)  primary key,
    tested_at   timestamp    not null,
    tested_by   varchar(255) not null,
    ok          boolean      not null,
    failed_step varchar(64),
    detail      varchar(2000)
);
