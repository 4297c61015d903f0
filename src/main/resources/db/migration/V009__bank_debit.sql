-- Bank auto-debit (交通银行代扣, rulebook 十; DESIGN.md F12): the owners' enrolments with the
-- account to debit, the day each debit result came back, and the bank's result files imported.
-- The weekly lists themselves are bank_debit_batches and bank_debit_items (V003).
-- Conventions as in V001__master_data.sql.

create sequence bank_debit_enrolments_seq start 1;

-- An owner's mandate to debit the unit's fees from a bank account, valid from enrolled_on to
-- ended_on (both inclusive; open-ended when empty). The application allows at most one
-- enrolment per unit on any day and keeps owners.auto_debit equal to "has an enrolment that
-- has not ended". The account number is stored in full (the bank file needs it) and shown
-- masked except its last 4 digits.
create table bank_debit_enrolments (
    id              bigint        not null primary key default nextval('bank_debit_enrolments_seq'),
    owner_code      varchar(32)   not null references owners (owner_code),
    unit_code       varchar(32)   not null references units (unit_code),
    bank_name       varchar(100)  not null,
    account_holder  varchar(200)  not null,
    account_no      varchar(34)   not null,
    enrolled_on     date          not null,
    ended_on        date,
    note            varchar(1000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint bank_debit_enrolments_bank_chk check (length(trim(bank_name)) > 0),
    constraint bank_debit_enrolments_holder_chk check (length(trim(account_holder)) > 0),
    constraint bank_debit_enrolments_account_chk check (length(account_no) between 8 and 34),
    constraint bank_debit_enrolments_dates_chk check (ended_on is null or ended_on >= enrolled_on)
);

-- The debit date the bank reported for a success or a failure (empty while pending).
alter table bank_debit_items add column result_on date;

-- A draft list withdrawn before it was sent (kept for the record, not deleted: DuckDB refuses
-- to delete a batch and its items in one transaction). Its items debit nothing.
alter table bank_debit_batches add column cancelled_on date;

create sequence bank_debit_imports_seq start 1;

-- A result file of the bank applied to a batch; sha256 of the file's bytes, so the same file
-- imported again is recognised and changes nothing.
create table bank_debit_imports (
    id              bigint        not null primary key default nextval('bank_debit_imports_seq'),
    batch_no        varchar(32)   not null references bank_debit_batches (batch_no),
    file_name       varchar(255)  not null,
    sha256          varchar(64)   not null,
    row_count       integer       not null,
    succeeded       integer       not null,
    failed          integer       not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint bank_debit_imports_counts_chk check (row_count >= 0 and succeeded >= 0
        and failed >= 0)
);
