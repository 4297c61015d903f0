-- Customer visits (DESIGN.md F6, rulebook 四), what V002 lacks: visits the butler plans ahead
-- ("可提前預約時間") and later records as done, or cancels. A plan is not a visit: the visits
-- table keeps only visits that took place, so the KPIs that count visits (satisfaction,
-- butler workload) never see a plan. Conventions as in V001__master_data.sql.
create sequence visit_plan_no_seq start 1;

-- visit_no is the visit that carried the plan out. No foreign key: it is filled in after the
-- plan was written, and the application writes both rows in one transaction.
create table visit_plans (
    plan_no         varchar(32)    not null primary key,
    unit_code       varchar(32)    not null references units (unit_code),
    planned_on      date           not null,
    staff_code      varchar(32)    references staff (staff_code),
    topic           varchar(4000),
    status          varchar(16)    not null default 'planned',
    visit_no        varchar(32),
    cancelled_on    date,
    note            varchar(4000),
    created_at      timestamp      not null default current_timestamp,
    created_by      varchar(64)    not null default 'system',
    updated_at      timestamp      not null default current_timestamp,
    updated_by      varchar(64)    not null default 'system',
    constraint visit_plans_code_chk check (length(trim(plan_no)) > 0),
    constraint visit_plans_status_chk check (status in ('planned', 'done', 'cancelled')),
    constraint visit_plans_done_chk check (status <> 'done' or visit_no is not null)
);
