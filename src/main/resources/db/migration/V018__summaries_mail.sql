-- Issue 9 point 4: managers' e-mail subscriptions to a dashboard PDF or the butlers' summaries,
-- sent weekly, monthly or quarterly by the scheduled delivery job (mail package). The work
-- plans and summaries themselves live in work_plans (V002). Conventions as in V001.

-- username and estate_code carry no foreign keys on purpose: DuckDB refuses updates of a
-- referenced row's columns in some cases (STACK.md), and app_users rows change at every sign-in.

create sequence mail_subscriptions_seq start 1;

-- numbers of work plans made in the app (WP-2026-000001; the demo's start with "D-")
create sequence work_plan_no_seq start 1;

create table mail_subscriptions (
    id              bigint        not null primary key default nextval('mail_subscriptions_seq'),
    username        varchar(64)   not null,
    email           varchar(200)  not null,
    kind            varchar(16)   not null,
    dashboard_id    varchar(64),
    estate_code     varchar(32),
    frequency       varchar(16)   not null,
    locale          varchar(16)   not null default 'zh-CN',
    active          boolean       not null default true,
    last_sent_on    date,
    last_error      varchar(1000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint mail_subscriptions_kind_chk check (kind in ('dashboard', 'summaries')),
    constraint mail_subscriptions_dashboard_chk check (kind <> 'dashboard'
        or dashboard_id is not null),
    constraint mail_subscriptions_frequency_chk check (frequency in ('weekly', 'monthly',
        'quarterly')),
    constraint mail_subscriptions_email_chk check (email like '%_@_%')
);

create index mail_subscriptions_username_idx on mail_subscriptions (username);
