-- Directory sync (issue 8), docs/decisions/0024-directory-sync-first-run.md: a run's plan is stored 2,000 changes a
-- row, as compact JSON arrays in seq order, instead of a row per change (100,000 rows, each with its indexes, for a
-- first run of 100,000 users); a row per change that names an operator keeps the filter by operator (the changes
-- API, the runs that changed an operator). Runs planned before keep their rows in directory_sync_change, read as
-- before; their operators are copied here so the filter finds them. Written once for H2 (in PostgreSQL mode) and
-- PostgreSQL.

create table directory_sync_plan (
    run_id  bigint  not null references directory_sync_run (id) on delete cascade,
    block   integer not null,
    changes varchar not null,
    primary key (run_id, block)
);

create table directory_sync_plan_operator (
    run_id   bigint       not null references directory_sync_run (id) on delete cascade,
    seq      integer      not null,
    operator varchar(128) not null,
    primary key (run_id, seq)
);
create index ix_directory_sync_plan_operator on directory_sync_plan_operator (operator);

insert into directory_sync_plan_operator (run_id, seq, operator)
    select run_id, seq, operator from directory_sync_change where operator is not null;
