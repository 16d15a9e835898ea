-- Directory sync (issue 8), docs/decisions/0021-directory-sync-writes-less.md: the directory read is staged a page
-- a row (the page's users as JSON) instead of a user a row; a run's applied changes are told by a watermark on the
-- run ("applied through seq N", chunks being applied in seq order) instead of a mark on each change; and a run
-- records how long it spent reading the directory and in the database. Written once for H2 (in PostgreSQL mode)
-- and PostgreSQL.

alter table directory_sync_run add column directory_millis bigint not null default 0;
alter table directory_sync_run add column database_millis bigint not null default 0;
alter table directory_sync_run add column applied_through integer not null default -1;

update directory_sync_run set applied_through = coalesce((select max(c.seq) from directory_sync_change c
    where c.run_id = directory_sync_run.id and c.applied = true), -1);
alter table directory_sync_change drop column applied;

drop table directory_sync_user;
create table directory_sync_page (
    run_id bigint  not null references directory_sync_run (id) on delete cascade,
    page   integer not null,
    users  varchar not null,
    primary key (run_id, page)
);
