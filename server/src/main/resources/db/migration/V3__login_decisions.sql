-- One row per sign-in attempt through an external account: the decision and why.
create table login_decision (
    id             varchar(36)  primary key,
    occurred_at    timestamp with time zone not null,
    account        varchar(64)  not null,
    subject        varchar(255),
    email          varchar(320),
    operator_name  varchar(128),
    outcome        varchar(40)  not null,
    reason         varchar(2000) not null,
    profiles       text,
    per_profile    text,
    groups_granted text,
    groups_added   text,
    groups_removed text
);
create index ix_login_decision_occurred_at on login_decision (occurred_at);
create index ix_login_decision_operator on login_decision (operator_name);
