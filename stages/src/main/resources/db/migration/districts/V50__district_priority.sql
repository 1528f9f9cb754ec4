-- Prioritization runs: each run of the prioritize job scores every district of a plan with the
-- weights it was given; the newest completed run is the one staff see.
create table priority_run (
    id            bigint primary key,          -- the Spring Batch job execution id
    plan_id       text not null references district_plan (id),
    weights       jsonb not null,
    started_at    timestamptz not null default now(),
    completed_at  timestamptz
);

create table district_priority (
    run_id         bigint not null references priority_run (id),
    district_id    text not null,
    rank           int,
    score          double precision not null,
    path           text not null,
    path_reason    text not null,
    primary_win    double precision not null,
    general_win    double precision not null,
    expected_cost_dollars bigint not null,
    lean           text not null,
    supporters     bigint not null,
    group_members  bigint not null,
    contributions  jsonb not null,
    gaps           text[] not null,
    explanation    text not null,
    primary key (run_id, district_id)
);
