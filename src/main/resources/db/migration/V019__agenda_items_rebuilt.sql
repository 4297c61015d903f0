-- agenda_items is derived data (F14, issue 9): the agenda job writes one row per rule item
-- that fell due, per butler, and sets done_on from the record that satisfied it (sql/agenda.sql).
-- Rebuilt (DuckDB cannot alter a CHECK constraint) to
--   * add the kinds the rules produce that V002 did not name (complaint_resolution,
--     activity_signups, activity_feedback),
--   * add opens_on (the first day the item was on the agenda) and unit_code (the record's
--     unit, for the link from the compliance list),
--   * drop the foreign keys: the rows are rewritten from the records by the job, and in
--     DuckDB a foreign key also forbids updating the key columns of the staff and cluster rows
--     it reaches.
create table agenda_items_v019 as select * from agenda_items;

drop table agenda_items;

create table agenda_items (
    item_key        varchar(200)  not null primary key,
    staff_code      varchar(32),
    cluster_code    varchar(32),
    kind            varchar(32)   not null,
    record_ref      varchar(64),
    unit_code       varchar(32),
    opens_on        date,
    due_on          date          not null,
    done_on         date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint agenda_items_kind_v019_chk check (kind in ('morning_briefing', 'patrol',
        'notice_takedown', 'facility_check', 'vacancy_inspection', 'document_call',
        'statement_review', 'collection_call', 'promise_due', 'failed_debit_call',
        'complaint_response', 'complaint_resolution', 'complaint_return_visit',
        'repair_return_visit', 'follow_up', 'rectification', 'visit_request', 'activity',
        'activity_signups', 'activity_feedback', 'work_plan', 'other')),
    constraint agenda_items_opens_chk check (opens_on is null or opens_on <= due_on)
);

insert into agenda_items (item_key, staff_code, cluster_code, kind, record_ref, due_on, done_on,
        created_at, created_by, updated_at, updated_by)
    select item_key, staff_code, cluster_code, kind, record_ref, due_on, done_on, created_at,
        created_by, updated_at, updated_by
    from agenda_items_v019;

drop table agenda_items_v019;
