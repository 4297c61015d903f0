-- Master data (DESIGN.md F1, F18): estates -> clusters -> buildings -> units, owners, staff,
-- departments, butler assignments, users and the audit log.
-- Conventions for every table in the migrations:
--   * natural codes (as in ../shared/spec/IMPORT.md) are the primary keys, VARCHAR;
--     child rows without a natural code use a BIGINT id from a sequence;
--   * enumerations are lower-case VARCHAR with a CHECK constraint listing the values;
--   * money is DECIMAL(14,2); rates DECIMAL(12,4);
--   * every table ends with created_at/created_by/updated_at/updated_by; the application
--     stamps them (base.AuditStampListener), the defaults cover batch paths.

create table estates (
    estate_code     varchar(32)  not null primary key,
    name            varchar(200) not null,
    city            varchar(100),
    timezone        varchar(64)  not null default 'Asia/Shanghai',
    currency        varchar(3)   not null default 'CNY',
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint estates_code_chk check (length(trim(estate_code)) > 0),
    constraint estates_currency_chk check (length(currency) = 3)
);

create table clusters (
    cluster_code    varchar(32)  not null primary key,
    estate_code     varchar(32)  not null references estates (estate_code),
    name            varchar(200) not null,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint clusters_code_chk check (length(trim(cluster_code)) > 0)
);

create table buildings (
    building_code   varchar(32)  not null primary key,
    cluster_code    varchar(32)  not null references clusters (cluster_code),
    name            varchar(200) not null,
    floors          integer,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint buildings_code_chk check (length(trim(building_code)) > 0),
    constraint buildings_floors_chk check (floors is null or floors between 1 and 200)
);

create table units (
    unit_code       varchar(32)   not null primary key,
    building_code   varchar(32)   not null references buildings (building_code),
    floor           integer,
    room            varchar(32),
    area_sqm        decimal(10,2) not null,
    unit_type       varchar(16)   not null default 'residential',
    delivered_on    date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint units_code_chk check (length(trim(unit_code)) > 0),
    constraint units_area_chk check (area_sqm > 0),
    constraint units_floor_chk check (floor is null or floor between -10 and 200),
    constraint units_type_chk check (unit_type in ('residential', 'commercial', 'parking', 'storage'))
);

-- Status history: the status of a unit on day X is its latest row with from_date <= X.
create table unit_status (
    unit_code       varchar(32)  not null references units (unit_code),
    from_date       date         not null,
    status          varchar(16)  not null,
    note            varchar(1000),
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    primary key (unit_code, from_date),
    constraint unit_status_status_chk check (status in ('vacant', 'decorating', 'occupied'))
);

create table owners (
    owner_code      varchar(32)   not null primary key,
    unit_code       varchar(32)   not null references units (unit_code),
    name            varchar(200)  not null,
    phone           varchar(32),
    key_customer    boolean,
    strong_opinion  boolean,
    mailing_address varchar(500),
    auto_debit      boolean,
    since           date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint owners_code_chk check (length(trim(owner_code)) > 0)
);

create table departments (
    department_code varchar(32)  not null primary key,
    name            varchar(200) not null,
    kind            varchar(24)  not null,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint departments_kind_chk check (kind in ('customer_service', 'security', 'engineering',
        'cleaning', 'greening', 'call_center', 'service_hall', 'finance', 'management', 'other'))
);

create table staff (
    staff_code      varchar(32)  not null primary key,
    name            varchar(200) not null,
    role            varchar(16)  not null,
    phone           varchar(32),
    service_phone   varchar(32),
    department_code varchar(32)  references departments (department_code),
    active          boolean      not null default true,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint staff_code_chk check (length(trim(staff_code)) > 0),
    constraint staff_role_chk check (role in ('butler', 'supervisor', 'manager', 'engineer',
        'security', 'cleaning', 'call_center', 'finance'))
);

-- A butler's cluster from from_date to to_date (inclusive; open-ended when empty).
create table assignments (
    staff_code      varchar(32)  not null references staff (staff_code),
    cluster_code    varchar(32)  not null references clusters (cluster_code),
    from_date       date         not null,
    to_date         date,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    primary key (staff_code, cluster_code, from_date),
    constraint assignments_dates_chk check (to_date is null or to_date >= from_date)
);

create table app_users (
    username        varchar(64)  not null primary key,
    password_hash   varchar(100) not null,
    display_name    varchar(200) not null,
    role            varchar(16)  not null,
    staff_code      varchar(32)  references staff (staff_code),
    locale          varchar(16),
    enabled         boolean      not null default true,
    demo            boolean      not null default false,
    last_login_at   timestamp,
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint app_users_role_chk check (role in ('ADMIN', 'MANAGER', 'SUPERVISOR', 'BUTLER',
        'SERVICE_DESK', 'FINANCE')),
    constraint app_users_username_chk check (length(trim(username)) > 0)
);

create sequence audit_log_seq start 1;

create table audit_log (
    id              bigint       not null primary key default nextval('audit_log_seq'),
    logged_at       timestamp    not null,
    username        varchar(64)  not null,
    action          varchar(16)  not null,
    entity          varchar(64)  not null,
    entity_key      varchar(200),
    details         varchar(10000),
    created_at      timestamp    not null default current_timestamp,
    created_by      varchar(64)  not null default 'system',
    updated_at      timestamp    not null default current_timestamp,
    updated_by      varchar(64)  not null default 'system',
    constraint audit_log_action_chk check (action in ('create', 'update', 'delete', 'import',
        'export', 'login', 'backup', 'restore', 'approve', 'release'))
);

create index audit_log_logged_at_idx on audit_log (logged_at);
