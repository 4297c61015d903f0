-- Service-charge settlement (DESIGN.md F13), what V004 lacks: an allocation key per budget
-- category, the cost entries that make up the actual costs, the persons per unit and year that
-- the head-count key needs, and a per-category breakdown of each settlement line for the letter.
-- Conventions as in V001__master_data.sql.

-- The budget gains its allocation key: area = by m2, unit = the same for every unit,
-- head_count = by persons. DuckDB cannot add a CHECK constraint with ALTER TABLE, so the table
-- is rebuilt with its rows (nothing references it yet).
/* [jooq ignore start] */
create table service_charge_budgets_v010 as select * from service_charge_budgets;
/* [jooq ignore stop] */
drop table service_charge_budgets;

create table service_charge_budgets (
    estate_code     varchar(32)   not null references estates (estate_code),
    year            integer       not null,
    category        varchar(24)   not null,
    allocation_key  varchar(16)   not null default 'area',
    budget_amount   decimal(14,2) not null,
    actual_amount   decimal(14,2),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (estate_code, year, category),
    constraint service_charge_budgets_year_chk check (year between 2000 and 2100),
    constraint service_charge_budgets_category_chk check (category in ('waste', 'sewage',
        'repairs', 'caretaker', 'cleaning', 'greening', 'security', 'insurance',
        'common_utilities', 'management', 'other')),
    constraint service_charge_budgets_key_chk check (allocation_key in ('area', 'unit',
        'head_count')),
    constraint service_charge_budgets_budget_chk check (budget_amount >= 0),
    constraint service_charge_budgets_actual_chk check (actual_amount is null
        or actual_amount >= 0)
);

/* [jooq ignore start] */
insert into service_charge_budgets (estate_code, year, category, budget_amount, actual_amount,
        created_at, created_by, updated_at, updated_by)
    select estate_code, year, category, budget_amount, actual_amount, created_at, created_by,
        updated_at, updated_by
    from service_charge_budgets_v010;
drop table service_charge_budgets_v010;
/* [jooq ignore stop] */

-- Actual costs as booked during the year (an invoice, a payroll month ...); the budget row's
-- actual_amount is kept equal to their sum by the application. A negative amount corrects an
-- earlier entry (a credit note).
create sequence service_charge_costs_seq start 1;

create table service_charge_costs (
    id              bigint        not null primary key default nextval('service_charge_costs_seq'),
    estate_code     varchar(32)   not null,
    year            integer       not null,
    category        varchar(24)   not null,
    booked_on       date          not null,
    amount          decimal(14,2) not null,
    reference       varchar(64),
    note            varchar(1000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    foreign key (estate_code, year, category)
        references service_charge_budgets (estate_code, year, category),
    constraint service_charge_costs_amount_chk check (amount <> 0)
);

-- Persons living in a unit in a year (yearly average), for categories with the head-count key.
-- A delivered unit without a row, or with 0, counts as one person (an empty unit's share stays
-- with its owner).
create table service_charge_persons (
    unit_code       varchar(32)  not null references units (unit_code),
    year            integer      not null,
    persons         integer      not null,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    primary key (unit_code, year),
    constraint service_charge_persons_year_chk check (year between 2000 and 2100),
    constraint service_charge_persons_persons_chk check (persons between 0 and 99)
);

-- Days of the year the unit was delivered (its share counts from delivery).
alter table service_charge_settlement_lines add column delivered_days integer not null default 0;

-- One row per settlement line and category: the unit's share of the category's actual costs,
-- share_amount = category_actual x weight / total_weight, weight = basis x days (basis: the
-- area, 1 for the unit key, the persons counted for the head-count key), cents distributed by
-- the largest remainder so the rows of a category add up to its actual costs. No foreign key
-- to the line: a draft's lines are replaced in place, which DuckDB refuses for referenced rows.
create table service_charge_settlement_details (
    settlement_no   varchar(32)   not null
                                  references service_charge_settlements (settlement_no),
    unit_code       varchar(32)   not null references units (unit_code),
    category        varchar(24)   not null,
    allocation_key  varchar(16)   not null,
    category_actual decimal(14,2) not null,
    basis           decimal(12,2) not null,
    days            integer       not null,
    weight          decimal(18,2) not null,
    total_weight    decimal(20,2) not null,
    share_amount    decimal(14,2) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (settlement_no, unit_code, category),
    constraint service_charge_settlement_details_key_chk check (allocation_key in ('area', 'unit',
        'head_count')),
    constraint service_charge_settlement_details_share_chk check (share_amount >= 0),
    constraint service_charge_settlement_details_weight_chk check (weight >= 0
        and total_weight > 0 and weight <= total_weight)
);
