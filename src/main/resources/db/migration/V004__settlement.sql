-- Service-charge settlement, German model (DESIGN.md F13, 篇3): an annual cost budget per
-- category, allocated to the units per m2 and prepaid monthly (fee type
-- service_charge_prepayment); at year end each unit gets a refund or a top-up, and the
-- share of vacant days is borne by the owner.
-- Conventions as in V001__master_data.sql.

-- Numbers of the records the application creates (formatted by the application).
create sequence settlement_no_seq start 1;

create table service_charge_budgets (
    estate_code     varchar(32)   not null references estates (estate_code),
    year            integer       not null,
    category        varchar(24)   not null,
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
    constraint service_charge_budgets_budget_chk check (budget_amount >= 0),
    constraint service_charge_budgets_actual_chk check (actual_amount is null
        or actual_amount >= 0)
);

-- One settlement per estate and year; a draft is recomputed in place, then made final.
create table service_charge_settlements (
    settlement_no   varchar(32)   not null primary key,
    estate_code     varchar(32)   not null references estates (estate_code),
    year            integer       not null,
    status          varchar(16)   not null default 'draft',
    computed_at     timestamp,
    finalized_at    timestamp,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint service_charge_settlements_code_chk check (length(trim(settlement_no)) > 0),
    constraint service_charge_settlements_year_chk check (year between 2000 and 2100),
    constraint service_charge_settlements_status_chk check (status in ('draft', 'final')),
    constraint service_charge_settlements_estate_year_uq unique (estate_code, year)
);

-- Per unit: share_amount = actual costs x area_sqm / total area; balance = share_amount -
-- prepaid_amount (positive = top-up owed, negative = refund). vacant_share_amount is the
-- part of share_amount for the vacant days, borne by the owner (payer owner or split).
create table service_charge_settlement_lines (
    settlement_no       varchar(32)   not null
                                      references service_charge_settlements (settlement_no),
    unit_code           varchar(32)   not null references units (unit_code),
    area_sqm            decimal(10,2) not null,
    share_amount        decimal(14,2) not null,
    prepaid_amount      decimal(14,2) not null default 0,
    balance             decimal(14,2) not null,
    vacant_days         integer       not null default 0,
    vacant_share_amount decimal(14,2) not null default 0,
    payer               varchar(16)   not null,
    created_at          timestamp     not null default current_timestamp,
    created_by          varchar(64)   not null default 'system',
    updated_at          timestamp     not null default current_timestamp,
    updated_by          varchar(64)   not null default 'system',
    primary key (settlement_no, unit_code),
    constraint service_charge_settlement_lines_area_chk check (area_sqm > 0),
    constraint service_charge_settlement_lines_share_chk check (share_amount >= 0),
    constraint service_charge_settlement_lines_prepaid_chk check (prepaid_amount >= 0),
    constraint service_charge_settlement_lines_balance_chk check (balance
        = share_amount - prepaid_amount),
    constraint service_charge_settlement_lines_vacant_days_chk check (vacant_days
        between 0 and 366),
    constraint service_charge_settlement_lines_vacant_share_chk check (vacant_share_amount
        between 0 and share_amount),
    constraint service_charge_settlement_lines_payer_chk check (payer in ('owner', 'tenant',
        'split'))
);
