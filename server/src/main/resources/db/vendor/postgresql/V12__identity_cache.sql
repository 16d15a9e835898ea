-- PostgreSQL keeps its identity sequences as they are (cache 1): there a sequence value costs no commit, and a larger
-- cache is per session, which would number audit events out of their order across connections. The H2 side of this
-- version is db/vendor/h2/V12__identity_cache.sql (docs/decisions/0021-directory-sync-writes-less.md).
select 1;
