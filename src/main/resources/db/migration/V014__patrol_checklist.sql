-- The patrol checklist (组团巡查记录表, rulebook 一 1-7) as data: company-wide items
-- (cluster_code null) and items for one cluster only, each in one of the twelve rulebook
-- categories that patrol_checks and patrol_findings know. Items are never deleted once a patrol
-- used them; they are deactivated instead.
create table patrol_checklist_items (
    item_code       varchar(32)   not null primary key,
    cluster_code    varchar(32)   references clusters (cluster_code),
    category        varchar(24)   not null,
    label_en        varchar(200)  not null,
    label_zh_cn     varchar(200)  not null,
    label_zh_tw     varchar(200)  not null,
    sort_order      integer       not null,
    needs_unit      boolean       not null default false,
    department_kind varchar(24),
    active          boolean       not null default true,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    constraint patrol_checklist_items_code_chk check (length(trim(item_code)) > 0),
    constraint patrol_checklist_items_category_chk check (category in ('staff_on_duty',
        'staff_appearance', 'staff_attitude', 'security_hazards', 'visitor_log', 'vehicle_log',
        'goods_log', 'cleanliness', 'greening', 'engineering', 'renovation', 'public_facilities'))
);

-- The result of each checklist item on a patrol. patrol_checks keeps one row per category
-- (the worst result of its items), because its check and key cannot change in DuckDB.
create table patrol_item_results (
    patrol_no       varchar(32)   not null references patrols (patrol_no),
    item_code       varchar(32)   not null references patrol_checklist_items (item_code),
    result          varchar(16)   not null,
    note            varchar(4000),
    checked_at      timestamp     not null,
    created_at      timestamp     not null default current_timestamp,
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamp     not null default current_timestamp,
    updated_by      varchar(64)   not null default 'system',
    primary key (patrol_no, item_code),
    constraint patrol_item_results_result_chk check (result in ('ok', 'issue', 'not_applicable'))
);

-- A finding names its checklist item, the unit (renovation works) and its photo, a key of the
-- photo store (files outside the database, setting guanjia.photos.dir). No foreign keys: DuckDB
-- cannot add one to an existing table; the application writes these columns.
alter table patrol_findings add column item_code varchar(32);
alter table patrol_findings add column unit_code varchar(32);
alter table patrol_findings add column photo_key varchar(200);

insert into patrol_checklist_items (item_code, category, label_en, label_zh_cn, label_zh_tw,
        sort_order, needs_unit, department_kind) values
    ('staff_on_duty', 'staff_on_duty', 'Staff on duty at their posts', '工作人员在岗情况',
        '工作人員在崗情況', 10, false, 'security'),
    ('staff_appearance', 'staff_appearance', 'Staff appearance and uniform', '仪容仪表',
        '儀容儀表', 20, false, 'management'),
    ('staff_attitude', 'staff_attitude', 'Staff working state and morale', '工作状态、精神面貌',
        '工作狀態、精神面貌', 30, false, 'management'),
    ('security_hazards', 'security_hazards', 'Security and safety hazards', '安防状况、治安隐患',
        '安防狀況、治安隱患', 40, false, 'security'),
    ('visitor_log', 'visitor_log', 'Visitor log checked', '外来人员出入记录表',
        '外來人員出入記錄表', 50, false, 'security'),
    ('vehicle_log', 'vehicle_log', 'Vehicle log checked', '车辆出入记录表', '車輛出入記錄表',
        60, false, 'security'),
    ('goods_log', 'goods_log', 'Goods-out log checked', '物品出入记录表', '物品出入記錄表',
        70, false, 'security'),
    ('cleanliness', 'cleanliness', 'Cleanliness', '清洁卫生状况', '清潔衛生狀況', 80, false,
        'cleaning'),
    ('greening', 'greening', 'Landscaping of common areas', '公区园林绿化状况',
        '公區園林綠化狀況', 90, false, 'greening'),
    ('engineering', 'engineering', 'Engineering and maintenance', '工程、维修状况',
        '工程、維修狀況', 100, false, 'engineering'),
    ('renovation', 'renovation', 'Renovation works (with the unit)', '装修巡查(注明房号)',
        '裝修巡查(註明房號)', 110, true, 'engineering'),
    ('public_facilities', 'public_facilities', 'Public facilities and equipment intact',
        '公共设施、设备完好性', '公共設施、設備完好性', 120, false, 'engineering');
