-- Notices can be taken down (F4, rulebook 二): DuckDB refuses to update a foreign-key column
-- of a row other rows point at, so notices.taken_down_by (a reference to staff) could never be
-- set on a notice posted on a board. The notices table is rebuilt with the same columns but
-- without that foreign key (the application checks the staff code and writes it in the same
-- transaction). notice_postings points at notices, so it is rebuilt too (DuckDB cannot drop a
-- constraint, nor drop a table others refer to); rows are kept.
create table notices_rebuilt (
    notice_no       varchar(32)    not null primary key,
    title           varchar(200)   not null,
    body            varchar(10000),
    posted_on       date           not null,
    expires_on      date,
    taken_down_on   date,
    taken_down_by   varchar(32),
    created_at      timestamp      not null default current_timestamp,
    created_by      varchar(64)    not null default 'system',
    updated_at      timestamp      not null default current_timestamp,
    updated_by      varchar(64)    not null default 'system',
    constraint notices_no_chk check (length(trim(notice_no)) > 0),
    constraint notices_expires_chk check (expires_on is null or expires_on >= posted_on),
    constraint notices_down_chk check (taken_down_on is null
        or taken_down_on >= posted_on)
);

insert into notices_rebuilt (notice_no, title, body, posted_on, expires_on, taken_down_on,
        taken_down_by, created_at, created_by, updated_at, updated_by)
    select notice_no, title, body, posted_on, expires_on, taken_down_on, taken_down_by,
        created_at, created_by, updated_at, updated_by
    from notices;

create table notice_postings_saved (
    notice_no       varchar(32)   not null,
    board_code      varchar(32)   not null,
    created_at      timestamp     not null,
    created_by      varchar(64)   not null,
    updated_at      timestamp     not null,
    updated_by      varchar(64)   not null
);

insert into notice_postings_saved (notice_no, board_code, created_at, created_by, updated_at,
        updated_by)
    select notice_no, board_code, created_at, created_by, updated_at, updated_by
    from notice_postings;

drop table notice_postings;

drop table notices;

alter table notices_rebuilt rename to notices;

create table notice_postings (
    notice_no       varchar(32)   not null references notices (notice_no),
    board_code      varchar(32)   not null references notice_boards (board_code),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (notice_no, board_code)
);

insert into notice_postings (notice_no, board_code, created_at, created_by, updated_at,
        updated_by)
    select notice_no, board_code, created_at, created_by, updated_at, updated_by
    from notice_postings_saved;

drop table notice_postings_saved;
