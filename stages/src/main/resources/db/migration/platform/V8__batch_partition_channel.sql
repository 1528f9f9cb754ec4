-- Spring Integration's JDBC channel message store (schema-postgresql.sql of spring-integration-jdbc,
-- channel part only): the queue that carries Spring Batch's partition requests from a manager to the
-- batch-worker processes when pp.batch.partitioning=remote. PostgreSQL is the only infrastructure
-- remote partitioning needs; workers take requests with SELECT ... FOR UPDATE SKIP LOCKED.
create sequence int_message_seq start with 1 increment by 1 no cycle;

create table int_channel_message (
    message_id       char(36) not null,
    group_key        char(36) not null,
    created_date     bigint not null,
    message_priority bigint,
    message_sequence bigint not null default nextval('int_message_seq'),
    message_bytes    bytea,
    region           varchar(100) not null,
    constraint int_channel_message_pk primary key (region, group_key, created_date, message_sequence)
);

create index int_channel_msg_delete_idx on int_channel_message (region, group_key, message_id);
