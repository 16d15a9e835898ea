-- One index for an operator's (subject, origin) instead of two, docs/decisions/0028-operator-subject-key.md: the
-- unique key on (origin, subject) and the index on subject (V9, for the directory sync's look-ups of a chunk's
-- subjects with an IN list, which H2 takes through an index's first column only) become one unique key on
-- (subject, origin), which serves both and is one index entry fewer per operator written. Written once for H2 (in
-- PostgreSQL mode) and PostgreSQL.

alter table operator drop constraint uq_operator_origin_subject;
drop index ix_operator_subject;
alter table operator add constraint uq_operator_subject_origin unique (subject, origin);
