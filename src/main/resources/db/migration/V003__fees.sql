-- Fees and collection (DESIGN.md F12, rulebook 十): fee types and schedules, the monthly
-- statement run with the butlers' review, statements, payments, their allocation (KPI.md
-- "Allocation", computed by the application), unit credit, the collection log
-- (物管费催收记录表), bank auto-debit batches and lawyer's letters.
-- Conventions as in V001__master_data.sql. statements, payments and collection_actions carry
-- exactly the column names of ../shared/spec/IMPORT.md, plus extra columns.

-- Numbers of the records the application creates (formatted by the application).
create sequence statement_run_no_seq start 1;
create sequence statement_no_seq start 1;
create sequence payment_no_seq start 1;
create sequence collection_action_no_seq start 1;
create sequence bank_debit_batch_no_seq start 1;
create sequence lawyer_letter_no_seq start 1;

-- basis: per_sqm_month = rate x units.area_sqm per month; fixed_month = rate per month;
-- metered = billed from readings, no schedule.
create table fee_types (
    fee_type        varchar(32)  not null primary key,
    name            varchar(200) not null,
    basis           varchar(16)  not null,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint fee_types_code_chk check (length(trim(fee_type)) > 0),
    constraint fee_types_basis_chk check (basis in ('per_sqm_month', 'fixed_month', 'metered'))
);

insert into fee_types (fee_type, name, basis) values
    ('property_fee', 'Property management fee', 'per_sqm_month'),
    ('parking', 'Parking fee', 'fixed_month'),
    ('water', 'Water', 'metered'),
    ('electricity', 'Electricity', 'metered'),
    ('service_charge_prepayment', 'Service charge prepayment', 'per_sqm_month'),
    ('other', 'Other', 'fixed_month');

-- The rate of a fee type for the units of one type in an estate, valid from valid_from to
-- valid_to (inclusive; open-ended when empty).
create table fee_schedules (
    schedule_code   varchar(32)   not null primary key,
    estate_code     varchar(32)   not null references estates (estate_code),
    unit_type       varchar(16)   not null,
    fee_type        varchar(32)   not null references fee_types (fee_type),
    rate            decimal(12,4) not null,
    valid_from      date          not null,
    valid_to        date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint fee_schedules_code_chk check (length(trim(schedule_code)) > 0),
    constraint fee_schedules_unit_type_chk check (unit_type in ('residential', 'commercial',
        'parking', 'storage')),
    constraint fee_schedules_rate_chk check (rate >= 0),
    constraint fee_schedules_dates_chk check (valid_to is null or valid_to >= valid_from)
);

-- The monthly run (28th-31st, for the next month): preview, generated, then released to the
-- units once the butlers of every cluster have reviewed it. estate_code empty = all estates.
create table statement_runs (
    run_no          varchar(32)  not null primary key,
    period          varchar(7)   not null,
    estate_code     varchar(32)  references estates (estate_code),
    status          varchar(16)  not null default 'preview',
    generated_at    timestamp,
    released_at     timestamp,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint statement_runs_code_chk check (length(trim(run_no)) > 0),
    constraint statement_runs_period_chk check (translate(period, '123456789', '000000000')
        = '0000-00' and substring(period, 6, 2) between '01' and '12'),
    constraint statement_runs_status_chk check (status in ('preview', 'generated',
        'released')),
    constraint statement_runs_released_chk check (released_at is null or generated_at is null
        or released_at >= generated_at)
);

create table statement_run_reviews (
    run_no          varchar(32)   not null references statement_runs (run_no),
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    reviewed_by     varchar(64)   not null references app_users (username),
    reviewed_at     timestamp     not null,
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (run_no, cluster_code)
);

-- A statement (对账单) bills one unit for one month. due_on defaults (in the application) to
-- the last day of period. corrects_statement_no: the statement this one corrects.
create table statements (
    statement_no          varchar(32)   not null primary key,
    unit_code             varchar(32)   not null references units (unit_code),
    period                varchar(7)    not null,
    fee_type              varchar(32)   not null default 'property_fee'
                                        references fee_types (fee_type),
    amount                decimal(14,2) not null,
    issued_on             date          not null,
    due_on                date          not null,
    run_no                varchar(32)   references statement_runs (run_no),
    corrects_statement_no varchar(32)   references statements (statement_no),
    created_at            timestamp     not null default current_timestamp,
    created_by            varchar(64)   not null default 'system',
    updated_at            timestamp     not null default current_timestamp,
    updated_by            varchar(64)   not null default 'system',
    constraint statements_code_chk check (length(trim(statement_no)) > 0),
    constraint statements_period_chk check (translate(period, '123456789', '000000000')
        = '0000-00' and substring(period, 6, 2) between '01' and '12'),
    constraint statements_amount_chk check (amount > 0)
);

-- statement_no empty = paid ahead (becomes credit). A voided payment stays for the record
-- and is left out of the allocation.
create table payments (
    payment_no      varchar(32)   not null primary key,
    unit_code       varchar(32)   not null references units (unit_code),
    paid_on         date          not null,
    amount          decimal(14,2) not null,
    channel         varchar(16),
    statement_no    varchar(32)   references statements (statement_no),
    voided_on       date,
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint payments_code_chk check (length(trim(payment_no)) > 0),
    constraint payments_amount_chk check (amount > 0),
    constraint payments_channel_chk check (channel in ('cash', 'bank_debit', 'transfer',
        'online', 'other')),
    constraint payments_voided_chk check (voided_on is null or voided_on >= paid_on)
);

-- Result of the allocation rule of KPI.md, recomputed per unit by the application when its
-- statements or payments change. payment_no empty = paid from the unit's credit.
create sequence payment_allocations_seq start 1;

create table payment_allocations (
    id              bigint        not null primary key
                                  default nextval('payment_allocations_seq'),
    unit_code       varchar(32)   not null references units (unit_code),
    statement_no    varchar(32)   not null references statements (statement_no),
    payment_no      varchar(32)   references payments (payment_no),
    allocated_on    date          not null,
    amount          decimal(14,2) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint payment_allocations_amount_chk check (amount > 0)
);

-- The unit's open credit after the allocation (payments not yet used by any statement).
create table unit_credits (
    unit_code       varchar(32)   not null primary key references units (unit_code),
    credit          decimal(14,2) not null default 0,
    as_of           date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint unit_credits_credit_chk check (credit >= 0)
);

-- The collection log (物管费催收记录表). A service_issue reason raises a follow-up.
create table collection_actions (
    action_no       varchar(32)    not null primary key,
    unit_code       varchar(32)    not null references units (unit_code),
    action_on       date           not null,
    staff_code      varchar(32)    references staff (staff_code),
    method          varchar(16)    not null,
    reason          varchar(16),
    promised_on     date,
    note            varchar(10000),
    follow_up_no    varchar(32)    references follow_ups (follow_up_no),
    outcome         varchar(1000),
    created_at      timestamp      not null default current_timestamp,
    created_by      varchar(64)    not null default 'system',
    updated_at      timestamp      not null default current_timestamp,
    updated_by      varchar(64)    not null default 'system',
    constraint collection_actions_code_chk check (length(trim(action_no)) > 0),
    constraint collection_actions_method_chk check (method in ('phone', 'visit', 'letter',
        'lawyer_letter', 'sms')),
    constraint collection_actions_reason_chk check (reason in ('service_issue', 'financial',
        'forgot', 'dispute', 'malicious', 'not_received', 'other'))
);

-- Weekly bank auto-debit list (交通银行代扣) and its per-unit results; a failed debit is
-- followed by a call logged in collection_actions.
create table bank_debit_batches (
    batch_no        varchar(32)   not null primary key,
    created_on      date          not null,
    sent_on         date,
    status          varchar(16)   not null default 'draft',
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint bank_debit_batches_code_chk check (length(trim(batch_no)) > 0),
    constraint bank_debit_batches_status_chk check (status in ('draft', 'sent', 'settled')),
    constraint bank_debit_batches_sent_chk check (sent_on is null or sent_on >= created_on)
);

create table bank_debit_items (
    batch_no        varchar(32)   not null references bank_debit_batches (batch_no),
    unit_code       varchar(32)   not null references units (unit_code),
    amount          decimal(14,2) not null,
    result          varchar(16)   not null default 'pending',
    failure_reason  varchar(500),
    payment_no      varchar(32)   references payments (payment_no),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (batch_no, unit_code),
    constraint bank_debit_items_amount_chk check (amount > 0),
    constraint bank_debit_items_result_chk check (result in ('pending', 'success', 'failed'))
);

-- Lawyer's letter to a malicious defaulter, listing the late fee (滞纳金).
-- late_fee_rate: the fraction per day applied to the principal.
create table lawyer_letters (
    letter_no       varchar(32)   not null primary key,
    unit_code       varchar(32)   not null references units (unit_code),
    staff_code      varchar(32)   references staff (staff_code),
    sent_on         date          not null,
    principal       decimal(14,2) not null,
    late_fee        decimal(14,2) not null default 0,
    late_fee_rate   decimal(12,4),
    status          varchar(16)   not null default 'sent',
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint lawyer_letters_code_chk check (length(trim(letter_no)) > 0),
    constraint lawyer_letters_principal_chk check (principal > 0),
    constraint lawyer_letters_late_fee_chk check (late_fee >= 0),
    constraint lawyer_letters_rate_chk check (late_fee_rate is null
        or late_fee_rate between 0 and 1),
    constraint lawyer_letters_status_chk check (status in ('sent', 'paid', 'withdrawn'))
);
