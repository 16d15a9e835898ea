-- H2 only (db/vendor/postgresql has the same version, empty). H2 allocates identity values 32 at a time by default,
-- and with WRITE_DELAY=0 each allocation is a commit that writes every changed page to the file: a directory sync
-- creating 100,000 operators and their 100,000 audit events did it 6,250 times, about 12 % of the run's CPU samples
-- (docs/decisions/0021-directory-sync-writes-less.md). 10,000 at a time: H2's one sequence object serves every
-- session, so ids stay in the order they are given; a crash leaves at most a gap of unused ids.
alter table operator alter column id set cache 10000;
alter table audit_event alter column id set cache 10000;
