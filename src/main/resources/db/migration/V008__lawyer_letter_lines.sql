-- The statements a lawyer's letter listed, as printed (F12, rulebook 十): a letter is a legal
-- document, so its lines are kept as sent instead of being recomputed from a ledger that later
-- corrections may change. statement_no has no foreign key on purpose: a reference would stop
-- the fee features from correcting that statement (DuckDB refuses updates of referenced rows).
-- Conventions as in V001__master_data.sql.

-- How the late fee was counted: from late_fee_start_days after the due date (1 = the day after).
alter table lawyer_letters add column late_fee_start_days integer;

create table lawyer_letter_lines (
    letter_no       varchar(32)   not null references lawyer_letters (letter_no),
    statement_no    varchar(32)   not null,
    period          varchar(7)    not null,
    due_on          date          not null,
    outstanding     decimal(14,2) not null,
    days_overdue    integer       not null,
    late_fee_from   date          not null,
    late_fee_days   integer       not null,
    late_fee        decimal(14,2) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (letter_no, statement_no),
    constraint lawyer_letter_lines_outstanding_chk check (outstanding > 0),
    constraint lawyer_letter_lines_days_chk check (days_overdue > 0 and late_fee_days >= 0),
    constraint lawyer_letter_lines_fee_chk check (late_fee >= 0)
);
