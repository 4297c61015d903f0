-- Daily work of the cluster butler (DESIGN.md F2-F11, F14): follow-ups to departments,
-- morning briefings, patrols, notice boards and facilities, documents to customers, visits,
-- complaints, vacant-unit inspections, repairs and rectification items, community
-- activities, plans and summaries, and the butler's agenda.
-- Conventions as in V001__master_data.sql. Tables that correspond to an import file
-- (visits, complaints, repairs, vacancy_inspections) carry exactly the column names of
-- ../shared/spec/IMPORT.md, plus extra columns the application fills.

-- Numbers of the records the application creates (formatted by the application).
create sequence follow_up_no_seq start 1;
create sequence briefing_no_seq start 1;
create sequence patrol_no_seq start 1;
create sequence notice_no_seq start 1;
create sequence facility_check_no_seq start 1;
create sequence document_no_seq start 1;
create sequence visit_no_seq start 1;
create sequence complaint_no_seq start 1;
create sequence vacancy_inspection_no_seq start 1;
create sequence repair_no_seq start 1;
create sequence rectification_item_no_seq start 1;
create sequence activity_no_seq start 1;
create sequence plan_no_seq start 1;

-- A ticket to a department, tracked to closure and answered to the owner (rulebook 一, 四,
-- 五, 六, 十; duties 9, 12). source/source_ref name the record that raised it.
create table follow_ups (
    follow_up_no    varchar(32)   not null primary key,
    source          varchar(24)   not null,
    source_ref      varchar(64),
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    building_code   varchar(32)   references buildings (building_code),
    unit_code       varchar(32)   references units (unit_code),
    department_code varchar(32)   not null references departments (department_code),
    assignee_code   varchar(32)   references staff (staff_code),
    description     varchar(4000) not null,
    raised_at       timestamp     not null,
    due_on          date,
    status          varchar(16)   not null default 'open',
    resolved_at     timestamp,
    resolution      varchar(4000),
    reply_to_owner  varchar(4000),
    replied_at      timestamp,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint follow_ups_code_chk check (length(trim(follow_up_no)) > 0),
    constraint follow_ups_source_chk check (source in ('patrol', 'briefing', 'visit',
        'complaint', 'collection', 'facility_check', 'vacancy_inspection', 'document',
        'other')),
    constraint follow_ups_status_chk check (status in ('open', 'in_progress', 'resolved',
        'closed')),
    constraint follow_ups_due_chk check (due_on is null or due_on >= cast(raised_at as date)),
    constraint follow_ups_resolved_chk check (resolved_at is null or resolved_at >= raised_at),
    constraint follow_ups_replied_chk check (replied_at is null or replied_at >= raised_at)
);

create sequence follow_up_notes_seq start 1;

create table follow_up_notes (
    id              bigint        not null primary key default nextval('follow_up_notes_seq'),
    follow_up_no    varchar(32)   not null references follow_ups (follow_up_no),
    noted_at        timestamp     not null,
    staff_code      varchar(32)   references staff (staff_code),
    note            varchar(4000) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system'
);

-- F2: the 9:30 briefing with the cluster's team leads, call centre and service hall (一).
create table morning_briefings (
    briefing_no     varchar(32)   not null primary key,
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    briefing_on     date          not null,
    held_at         timestamp,
    staff_code      varchar(32)   not null references staff (staff_code),
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint morning_briefings_code_chk check (length(trim(briefing_no)) > 0),
    constraint morning_briefings_held_chk check (held_at is null
        or cast(held_at as date) = briefing_on),
    constraint morning_briefings_day_uq unique (cluster_code, briefing_on)
);

create sequence briefing_items_seq start 1;

create table briefing_items (
    id              bigint        not null primary key default nextval('briefing_items_seq'),
    briefing_no     varchar(32)   not null references morning_briefings (briefing_no),
    source          varchar(24)   not null,
    description     varchar(4000) not null,
    urgent          boolean       not null default false,
    follow_up_no    varchar(32)   references follow_ups (follow_up_no),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint briefing_items_source_chk check (source in ('security', 'maintenance',
        'cleaning_greening', 'call_center', 'service_hall'))
);

-- F3: the cluster patrol record (组团巡查记录表).
create table patrols (
    patrol_no       varchar(32)   not null primary key,
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    staff_code      varchar(32)   not null references staff (staff_code),
    patrol_on       date          not null,
    started_at      timestamp,
    finished_at     timestamp,
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint patrols_code_chk check (length(trim(patrol_no)) > 0),
    constraint patrols_times_chk check (finished_at is null or started_at is null
        or finished_at >= started_at)
);

create table patrol_checks (
    patrol_no       varchar(32)   not null references patrols (patrol_no),
    item            varchar(24)   not null,
    result          varchar(16)   not null,
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (patrol_no, item),
    constraint patrol_checks_item_chk check (item in ('staff_on_duty', 'staff_appearance',
        'staff_attitude', 'security_hazards', 'visitor_log', 'vehicle_log', 'goods_log',
        'cleanliness', 'greening', 'engineering', 'renovation', 'public_facilities')),
    constraint patrol_checks_result_chk check (result in ('ok', 'issue', 'not_applicable'))
);

create sequence patrol_findings_seq start 1;

create table patrol_findings (
    id              bigint        not null primary key default nextval('patrol_findings_seq'),
    patrol_no       varchar(32)   not null references patrols (patrol_no),
    item            varchar(24)   not null,
    description     varchar(4000) not null,
    follow_up_no    varchar(32)   references follow_ups (follow_up_no),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint patrol_findings_item_chk check (item in ('staff_on_duty', 'staff_appearance',
        'staff_attitude', 'security_hazards', 'visitor_log', 'vehicle_log', 'goods_log',
        'cleanliness', 'greening', 'engineering', 'renovation', 'public_facilities'))
);

-- F4: notice boards, notices with expiry (daily take-down list) and recreation facilities (二).
create table notice_boards (
    board_code      varchar(32)   not null primary key,
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    building_code   varchar(32)   references buildings (building_code),
    location        varchar(200),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint notice_boards_code_chk check (length(trim(board_code)) > 0)
);

-- A notice without expires_on stays up (e.g. the butler's 24-hour service phone).
create table notices (
    notice_no       varchar(32)    not null primary key,
    title           varchar(200)   not null,
    body            varchar(10000),
    posted_on       date           not null,
    expires_on      date,
    taken_down_on   date,
    taken_down_by   varchar(32)    references staff (staff_code),
    created_at      timestamp      not null default current_timestamp,
    created_by      varchar(64)    not null default 'system',
    updated_at      timestamp      not null default current_timestamp,
    updated_by      varchar(64)    not null default 'system',
    constraint notices_code_chk check (length(trim(notice_no)) > 0),
    constraint notices_expiry_chk check (expires_on is null or expires_on >= posted_on),
    constraint notices_taken_down_chk check (taken_down_on is null
        or taken_down_on >= posted_on)
);

create table notice_postings (
    notice_no       varchar(32)   not null references notices (notice_no),
    board_code      varchar(32)   not null references notice_boards (board_code),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (notice_no, board_code)
);

create table facilities (
    facility_code   varchar(32)   not null primary key,
    cluster_code    varchar(32)   not null references clusters (cluster_code),
    name            varchar(200)  not null,
    kind            varchar(16)   not null,
    active          boolean       not null default true,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint facilities_code_chk check (length(trim(facility_code)) > 0),
    constraint facilities_kind_chk check (kind in ('playground', 'fitness', 'sports_court',
        'swimming_pool', 'activity_room', 'other'))
);

-- Empty *_ok = not checked.
create table facility_checks (
    check_no        varchar(32)   not null primary key,
    facility_code   varchar(32)   not null references facilities (facility_code),
    checked_on      date          not null,
    staff_code      varchar(32)   references staff (staff_code),
    clean_ok        boolean,
    undamaged_ok    boolean,
    safe_ok         boolean,
    note            varchar(4000),
    follow_up_no    varchar(32)   references follow_ups (follow_up_no),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint facility_checks_code_chk check (length(trim(check_no)) > 0)
);

-- F5: documents to customers and their per-unit distribution (三); unclaimed after 14 days
-- -> phone call (call_on, call_note).
create table customer_documents (
    document_no     varchar(32)   not null primary key,
    kind            varchar(16)   not null,
    title           varchar(200)  not null,
    issued_on       date          not null,
    outage_from     timestamp,
    outage_to       timestamp,
    note            varchar(4000),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint customer_documents_code_chk check (length(trim(document_no)) > 0),
    constraint customer_documents_kind_chk check (kind in ('statement', 'water_outage',
        'power_outage', 'gas_outage', 'fee_standard', 'other')),
    constraint customer_documents_outage_chk check (outage_to is null or outage_from is null
        or outage_to >= outage_from)
);

create table document_deliveries (
    document_no     varchar(32)   not null references customer_documents (document_no),
    unit_code       varchar(32)   not null references units (unit_code),
    method          varchar(16)   not null,
    staff_code      varchar(32)   references staff (staff_code),
    dispatched_on   date,
    delivered_on    date,
    collected_on    date,
    call_on         date,
    call_note       varchar(4000),
    follow_up_no    varchar(32)   references follow_ups (follow_up_no),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (document_no, unit_code),
    constraint document_deliveries_method_chk check (method in ('with_security', 'in_person',
        'post')),
    constraint document_deliveries_delivered_chk check (delivered_on is null
        or dispatched_on is null or delivered_on >= dispatched_on),
    constraint document_deliveries_collected_chk check (collected_on is null
        or dispatched_on is null or collected_on >= dispatched_on),
    constraint document_deliveries_call_chk check (call_on is null or dispatched_on is null
        or call_on >= dispatched_on)
);

-- F6: customer visits (四); columns of visits.csv plus note and strong_opinion.
create table visits (
    visit_no        varchar(32)    not null primary key,
    unit_code       varchar(32)    not null references units (unit_code),
    visited_on      date           not null,
    staff_code      varchar(32)    references staff (staff_code),
    kind            varchar(16),
    topic           varchar(10000),
    satisfaction    integer,
    note            varchar(10000),
    strong_opinion  boolean,
    created_at      timestamp      not null default current_timestamp,
    created_by      varchar(64)    not null default 'system',
    updated_at      timestamp      not null default current_timestamp,
    updated_by      varchar(64)    not null default 'system',
    constraint visits_code_chk check (length(trim(visit_no)) > 0),
    constraint visits_kind_chk check (kind in ('scheduled', 'chance', 'return')),
    constraint visits_satisfaction_chk check (satisfaction is null
        or satisfaction between 1 and 5)
);

-- A request raised during a visit: answered on the spot, or escalated as a follow-up.
create sequence visit_requests_seq start 1;

create table visit_requests (
    id              bigint        not null primary key default nextval('visit_requests_seq'),
    visit_no        varchar(32)   not null references visits (visit_no),
    request         varchar(4000) not null,
    answered_on_spot boolean      not null default false,
    answer          varchar(4000),
    follow_up_no    varchar(32)   references follow_ups (follow_up_no),
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system'
);

-- F7: complaints (五, 投诉记录表); columns of complaints.csv plus the handling steps.
-- department is the responsible department as written in the import file (free text,
-- departments are not part of the interchange format).
create table complaints (
    complaint_no      varchar(32)    not null primary key,
    unit_code         varchar(32)    not null references units (unit_code),
    received_at       timestamp      not null,
    channel           varchar(16),
    category          varchar(16)    not null,
    description       varchar(10000),
    first_response_at timestamp,
    responder_code    varchar(32)    references staff (staff_code),
    valid             boolean,
    department        varchar(200),
    resolved_at       timestamp,
    owner_signed      boolean,
    satisfaction      integer,
    status            varchar(16)    not null default 'received',
    response_method   varchar(16),
    responsible_person varchar(200),
    plan              varchar(4000),
    reply             varchar(4000),
    replied_at        timestamp,
    return_visit_at   timestamp,
    corrective_action varchar(4000),
    closed_at         timestamp,
    reopen_count      integer        not null default 0,
    created_at        timestamp      not null default current_timestamp,
    created_by        varchar(64)    not null default 'system',
    updated_at        timestamp      not null default current_timestamp,
    updated_by        varchar(64)    not null default 'system',
    constraint complaints_code_chk check (length(trim(complaint_no)) > 0),
    constraint complaints_channel_chk check (channel in ('phone', 'visit', 'app', 'patrol',
        'other')),
    constraint complaints_category_chk check (category in ('security', 'cleaning', 'greening',
        'engineering', 'noise', 'parking', 'decoration', 'fees', 'staff', 'neighbour',
        'other')),
    constraint complaints_satisfaction_chk check (satisfaction is null
        or satisfaction between 1 and 5),
    constraint complaints_status_chk check (status in ('received', 'responded', 'in_progress',
        'resolved', 'closed')),
    constraint complaints_response_method_chk check (response_method in ('on_site', 'phone')),
    constraint complaints_response_chk check (first_response_at is null
        or first_response_at >= received_at),
    constraint complaints_resolved_chk check (resolved_at is null or resolved_at >= received_at),
    constraint complaints_replied_chk check (replied_at is null or replied_at >= received_at),
    constraint complaints_return_visit_chk check (return_visit_at is null
        or return_visit_at >= received_at),
    constraint complaints_closed_chk check (closed_at is null or closed_at >= received_at),
    constraint complaints_reopen_chk check (reopen_count >= 0)
);

-- Service levels per complaint category (KPI.md: defaults 30 minutes / 48 hours, V005).
create table complaint_service_levels (
    category         varchar(16)  not null primary key,
    response_minutes integer      not null,
    resolution_hours integer      not null,
    created_at       timestamp    not null default current_timestamp,
    created_by       varchar(64)  not null default 'system',
    updated_at       timestamp    not null default current_timestamp,
    updated_by       varchar(64)  not null default 'system',
    constraint complaint_service_levels_category_chk check (category in ('security',
        'cleaning', 'greening', 'engineering', 'noise', 'parking', 'decoration', 'fees',
        'staff', 'neighbour', 'other')),
    constraint complaint_service_levels_response_chk check (response_minutes > 0),
    constraint complaint_service_levels_resolution_chk check (resolution_hours > 0)
);

-- F8: monthly vacant-unit inspection (六, 空置房巡视记录表); columns of
-- vacancy_inspections.csv plus photo, follow-up to engineering and owner information.
create table vacancy_inspections (
    inspection_no         varchar(32)    not null primary key,
    unit_code             varchar(32)    not null references units (unit_code),
    inspected_on          date           not null,
    staff_code            varchar(32)    references staff (staff_code),
    doors_windows_ok      boolean,
    utilities_off_ok      boolean,
    no_leak               boolean,
    no_cracks             boolean,
    note                  varchar(10000),
    photo_path            varchar(500),
    follow_up_no          varchar(32)    references follow_ups (follow_up_no),
    owner_informed_on     date,
    owner_informed_method varchar(16),
    created_at            timestamp      not null default current_timestamp,
    created_by            varchar(64)    not null default 'system',
    updated_at            timestamp      not null default current_timestamp,
    updated_by            varchar(64)    not null default 'system',
    constraint vacancy_inspections_code_chk check (length(trim(inspection_no)) > 0),
    constraint vacancy_inspections_informed_chk check (owner_informed_on is null
        or owner_informed_on >= inspected_on),
    constraint vacancy_inspections_method_chk check (owner_informed_method in ('phone', 'sms',
        'visit', 'letter', 'app'))
);

-- F9: repairs and their return visit (七); columns of repairs.csv plus the work order.
-- unit_code empty = common area of building_code.
create table repairs (
    repair_no            varchar(32)    not null primary key,
    building_code        varchar(32)    not null references buildings (building_code),
    unit_code            varchar(32)    references units (unit_code),
    reported_at          timestamp      not null,
    category             varchar(64),
    completed_at         timestamp,
    return_visit_at      timestamp,
    score_attitude       integer,
    score_quality        integer,
    score_etiquette      integer,
    description          varchar(10000),
    status               varchar(16)    not null default 'reported',
    engineer_code        varchar(32)    references staff (staff_code),
    assigned_at          timestamp,
    butler_accompanied   boolean,
    return_visit_comment varchar(4000),
    return_visit_by      varchar(32)    references staff (staff_code),
    created_at           timestamp      not null default current_timestamp,
    created_by           varchar(64)    not null default 'system',
    updated_at           timestamp      not null default current_timestamp,
    updated_by           varchar(64)    not null default 'system',
    constraint repairs_code_chk check (length(trim(repair_no)) > 0),
    constraint repairs_status_chk check (status in ('reported', 'assigned', 'completed',
        'closed')),
    constraint repairs_score_attitude_chk check (score_attitude is null
        or score_attitude between 1 and 5),
    constraint repairs_score_quality_chk check (score_quality is null
        or score_quality between 1 and 5),
    constraint repairs_score_etiquette_chk check (score_etiquette is null
        or score_etiquette between 1 and 5),
    constraint repairs_assigned_chk check (assigned_at is null or assigned_at >= reported_at),
    constraint repairs_completed_chk check (completed_at is null
        or completed_at >= reported_at),
    constraint repairs_return_visit_chk check (return_visit_at is null or completed_at is null
        or return_visit_at >= completed_at)
);

-- Owner-raised rectification items (工程整改, duty 11), tracked with notes and return visits.
create table rectification_items (
    item_no           varchar(32)   not null primary key,
    unit_code         varchar(32)   not null references units (unit_code),
    raised_on         date          not null,
    description       varchar(4000) not null,
    department_code   varchar(32)   references departments (department_code),
    status            varchar(16)   not null default 'open',
    closed_on         date,
    feedback_to_owner varchar(4000),
    created_at        timestamp     not null default current_timestamp,
    created_by        varchar(64)   not null default 'system',
    updated_at        timestamp     not null default current_timestamp,
    updated_by        varchar(64)   not null default 'system',
    constraint rectification_items_code_chk check (length(trim(item_no)) > 0),
    constraint rectification_items_status_chk check (status in ('open', 'in_progress',
        'closed')),
    constraint rectification_items_closed_chk check (closed_on is null
        or closed_on >= raised_on)
);

create sequence rectification_notes_seq start 1;

create table rectification_notes (
    id              bigint        not null primary key
                                  default nextval('rectification_notes_seq'),
    item_no         varchar(32)   not null references rectification_items (item_no),
    noted_at        timestamp     not null,
    staff_code      varchar(32)   references staff (staff_code),
    return_visit    boolean       not null default false,
    note            varchar(4000) not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system'
);

-- F10: community activities (八): notice, sign-ups, attendance, feedback and suggestions.
create table activities (
    activity_no     varchar(32)    not null primary key,
    estate_code     varchar(32)    not null references estates (estate_code),
    title           varchar(200)   not null,
    starts_at       timestamp      not null,
    place           varchar(200),
    capacity        integer,
    notice_on       date,
    status          varchar(16)    not null default 'planned',
    summary         varchar(10000),
    created_at      timestamp      not null default current_timestamp,
    created_by      varchar(64)    not null default 'system',
    updated_at      timestamp      not null default current_timestamp,
    updated_by      varchar(64)    not null default 'system',
    constraint activities_code_chk check (length(trim(activity_no)) > 0),
    constraint activities_capacity_chk check (capacity is null or capacity > 0),
    constraint activities_notice_chk check (notice_on is null
        or notice_on <= cast(starts_at as date)),
    constraint activities_status_chk check (status in ('planned', 'announced', 'held',
        'cancelled'))
);

create table activity_signups (
    activity_no     varchar(32)   not null references activities (activity_no),
    unit_code       varchar(32)   not null references units (unit_code),
    head_count      integer       not null,
    signed_up_on    date          not null,
    attended        boolean,
    attended_count  integer,
    feedback_score  integer,
    feedback        varchar(4000),
    suggestion      varchar(4000),
    feedback_on     date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (activity_no, unit_code),
    constraint activity_signups_head_count_chk check (head_count > 0),
    constraint activity_signups_attended_count_chk check (attended_count is null
        or attended_count >= 0),
    constraint activity_signups_feedback_score_chk check (feedback_score is null
        or feedback_score between 1 and 5)
);

-- F11: weekly, monthly and annual plans and summaries (九), reviewed by a supervisor.
create table work_plans (
    plan_no           varchar(32)    not null primary key,
    kind              varchar(16)    not null,
    grain             varchar(16)    not null,
    staff_code        varchar(32)    references staff (staff_code),
    cluster_code      varchar(32)    references clusters (cluster_code),
    period_start      date           not null,
    period_end        date           not null,
    body              varchar(20000),
    status            varchar(16)    not null default 'draft',
    submitted_at      timestamp,
    reviewer_username varchar(64)    references app_users (username),
    review_comment    varchar(4000),
    reviewed_at       timestamp,
    created_at        timestamp      not null default current_timestamp,
    created_by        varchar(64)    not null default 'system',
    updated_at        timestamp      not null default current_timestamp,
    updated_by        varchar(64)    not null default 'system',
    constraint work_plans_code_chk check (length(trim(plan_no)) > 0),
    constraint work_plans_kind_chk check (kind in ('plan', 'summary')),
    constraint work_plans_grain_chk check (grain in ('week', 'month', 'year')),
    constraint work_plans_period_chk check (period_end >= period_start),
    constraint work_plans_status_chk check (status in ('draft', 'submitted', 'approved',
        'returned')),
    constraint work_plans_reviewed_chk check (reviewed_at is null or submitted_at is null
        or reviewed_at >= submitted_at)
);

-- F14: what the rules made due for a butler, kept to measure agenda compliance (KPI.md,
-- butler work: items due in P done late or not at all). item_key is built by the
-- application from kind, record and due date so that re-computing the agenda is idempotent.
create table agenda_items (
    item_key        varchar(200)  not null primary key,
    staff_code      varchar(32)   references staff (staff_code),
    cluster_code    varchar(32)   references clusters (cluster_code),
    kind            varchar(32)   not null,
    record_ref      varchar(64),
    due_on          date          not null,
    done_on         date,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint agenda_items_kind_chk check (kind in ('morning_briefing', 'patrol',
        'notice_takedown', 'facility_check', 'vacancy_inspection', 'document_call',
        'statement_review', 'collection_call', 'promise_due', 'failed_debit_call',
        'complaint_response', 'complaint_return_visit', 'repair_return_visit', 'follow_up',
        'rectification', 'visit_request', 'activity', 'work_plan', 'other'))
);
