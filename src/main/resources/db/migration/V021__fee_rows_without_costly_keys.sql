-- Keys that cost a large import much and protect little (issue 4's speed target).
--
-- statements.unit_code, payments.unit_code and payments.statement_no lose their foreign keys
-- and get plain indexes instead (same lookups, no check). DuckDB checks a foreign key by a
-- lookup in the referenced table's index for every row written: measured on 1,000,000 rows,
-- statements are written in 2.1 s with the unit key and 1.3 s with a plain index, payments in
-- 2.0 s and 1.0 s; that was a tenth of a large import. The references
-- stay checked where the rows are made: the import refuses dangling units and statements and
-- a targeted statement moving to another unit (interchange.References lists these
-- references next to the foreign keys), the services resolve the unit (and the
-- statement a payment targets) before writing, units are never deleted, and a unit's code never
-- changes. soak.IntegrityCheck and FeeReferencesTest look for orphans.
--
-- The self reference of a correction (corrects_statement_no) goes too: the rows could not be
-- copied back in one statement with it (a correction of a correction), and billing's ledger
-- correction writes it from the statement it has just read.
--
-- DuckDB cannot drop a constraint: the three tables (bank_debit_items refers to payments) are
-- rebuilt with their rows. The other keys stay: primary keys, fee type, run, and every key of
-- bank_debit_items.

create table statements_copy as select * from statements;
create table payments_copy as select * from payments;
create table bank_debit_items_copy as select * from bank_debit_items;

drop table bank_debit_items;
drop table payments;
drop table statements;

create table statements (
    statement_no          varchar(32)   not null primary key,
    unit_code             varchar(32)   not null,
    period                varchar(7)    not null,
    fee_type              varchar(32)   not null default 'property_fee'
                                        references fee_types (fee_type),
    amount                decimal(14,2) not null,
    issued_on             date          not null,
    due_on                date          not null,
    run_no                varchar(32)   references statement_runs (run_no),
    corrects_statement_no varchar(32),
    created_at            timestamp     not null default current_timestamp,
    created_by            varchar(64)   not null default 'system',
    updated_at            timestamp     not null default current_timestamp,
    updated_by            varchar(64)   not null default 'system',
    constraint statements_code_chk check (length(trim(statement_no)) > 0),
    constraint statements_period_chk check (translate(period, '123456789', '000000000')
        = '0000-00' and substring(period, 6, 2) between '01' and '12'),
    constraint statements_amount_chk check (amount > 0)
);

create index statements_unit_idx on statements (unit_code);

create table payments (
    payment_no      varchar(32)   not null primary key,
    unit_code       varchar(32)   not null,
    paid_on         date          not null,
    amount          decimal(14,2) not null,
    channel         varchar(16),
    statement_no    varchar(32),
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

create index payments_unit_idx on payments (unit_code);
create index payments_statement_idx on payments (statement_no);

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
    result_on       date,
    primary key (batch_no, unit_code),
    constraint bank_debit_items_amount_chk check (amount > 0),
    constraint bank_debit_items_result_chk check (result in ('pending', 'success', 'failed'))
);

-- in their stored order (no sort: the physical order is what the zone maps see)
insert into statements (statement_no, unit_code, period, fee_type, amount, issued_on, due_on, run_no, corrects_statement_no, created_at, created_by, updated_at, updated_by)
    select statement_no, unit_code, period, fee_type, amount, issued_on, due_on, run_no, corrects_statement_no, created_at, created_by, updated_at, updated_by
    from statements_copy;
insert into payments (payment_no, unit_code, paid_on, amount, channel, statement_no, voided_on, note, created_at, created_by, updated_at, updated_by)
    select payment_no, unit_code, paid_on, amount, channel, statement_no, voided_on, note, created_at, created_by, updated_at, updated_by
    from payments_copy;
insert into bank_debit_items (batch_no, unit_code, amount, result, failure_reason, payment_no, created_at, created_by, updated_at, updated_by, result_on)
    select batch_no, unit_code, amount, result, failure_reason, payment_no, created_at, created_by, updated_at, updated_by, result_on
    from bank_debit_items_copy;

drop table bank_debit_items_copy;
drop table payments_copy;
drop table statements_copy;

-- payment_allocations loses the primary key on its id (V015 already took its foreign keys):
-- the ids come from payment_allocations_seq and are never typed in, the application finds a
-- unit's rows by unit_code and changes them by id through a join (a scan either way), and the
-- key's index cost 1.0 of 2.4 s writing 1,000,000 rows. The rows and their ids are kept.
create table payment_allocations_rebuilt (
    id              bigint        not null default nextval('payment_allocations_seq'),
    unit_code       varchar(32)   not null,
    statement_no    varchar(32)   not null,
    payment_no      varchar(32),
    allocated_on    date          not null,
    amount          decimal(14,2) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint payment_allocations_amount_chk check (amount > 0)
);

insert into payment_allocations_rebuilt (id, unit_code, statement_no, payment_no, allocated_on,
        amount, created_at, created_by, updated_at, updated_by)
    select id, unit_code, statement_no, payment_no, allocated_on, amount, created_at, created_by,
        updated_at, updated_by
    from payment_allocations;

drop table payment_allocations;

alter table payment_allocations_rebuilt rename to payment_allocations;
