-- The lines of a generated statement run (F12, rulebook 十: the service desk makes next month's
-- statements on the 28th-31st, the butlers check them before they go out). A line is what the
-- release will bill: one unit, one fee type, the schedule and the figures it was priced with.
-- Lines are a staging area: they are not statements, so no KPI sees them before the release
-- writes the statements (statements.run_no). Regenerating an unreleased run replaces its
-- lines; a released run keeps them as the record of what it computed.
-- Conventions as in V001__master_data.sql.
create table statement_run_lines (
    run_no          varchar(32)   not null references statement_runs (run_no),
    unit_code       varchar(32)   not null references units (unit_code),
    fee_type        varchar(32)   not null references fee_types (fee_type),
    -- the unit's cluster when the run was generated: whose butler reviews the line
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    schedule_code   varchar(32)   not null references fee_schedules (schedule_code),
    area_sqm        decimal(10,2) not null,
    rate            decimal(12,4) not null,
    amount          decimal(14,2) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (run_no, unit_code, fee_type),
    constraint statement_run_lines_amount_chk check (amount > 0)
);
