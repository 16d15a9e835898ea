-- A row to lock while checking that an administrator remains, so two concurrent changes cannot each see
-- the other's administrator and together leave none.
create table instance_lock (
    name varchar(64) primary key
);
insert into instance_lock (name) values ('administrators');
