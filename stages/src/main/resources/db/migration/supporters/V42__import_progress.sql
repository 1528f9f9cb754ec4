-- An import's progress, one row per partition, written in the transaction of each chunk it commits: the
-- command line and the console (in this process or another) read rows read, written and rejected from
-- here while the job runs. The job hands Spring Batch blocks of rows, so its own step counts are blocks.
create table import_progress (
    run_id          bigint not null references import_run (id),
    partition       text not null,
    rows_read       bigint not null,
    rows_written    bigint not null,
    rows_rejected   bigint not null,
    updated_at      timestamptz not null default now(),
    primary key (run_id, partition)
);
