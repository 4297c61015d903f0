package org.guanjia.notice.internal;

import static org.guanjia.db.Sequences.FACILITY_CHECK_NO_SEQ;
import static org.guanjia.db.Sequences.NOTICE_NO_SEQ;
import static org.guanjia.db.Tables.ASSIGNMENTS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.DEPARTMENTS;
import static org.guanjia.db.Tables.FACILITIES;
import static org.guanjia.db.Tables.FACILITY_CHECKS;
import static org.guanjia.db.Tables.NOTICES;
import static org.guanjia.db.Tables.NOTICE_BOARDS;
import static org.guanjia.db.Tables.NOTICE_POSTINGS;
import static org.guanjia.db.Tables.STAFF;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.FacilitiesRecord;
import org.guanjia.db.tables.records.FacilityChecksRecord;
import org.guanjia.db.tables.records.NoticeBoardsRecord;
import org.guanjia.db.tables.records.NoticePostingsRecord;
import org.guanjia.db.tables.records.NoticesRecord;
import org.guanjia.notice.Board;
import org.guanjia.notice.ButlerContact;
import org.guanjia.notice.Facility;
import org.guanjia.notice.FacilityCheck;
import org.guanjia.notice.Notice;
import org.guanjia.notice.NoticeFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to notice boards, notices and their postings, facilities and facility checks. */
@Repository
public class NoticeRepository {

    private final DSLContext dsl;

    NoticeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    private long nextval(String sequence) {
        return dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(sequence))).fetchOne(0, Long.class);
    }

    /** Numbers like NT-2025-000042. */
    public String nextNoticeNo(int year) {
        return "NT-" + year + "-" + String.format("%06d", nextval(NOTICE_NO_SEQ.getName()));
    }

    /** Numbers like FK-2025-000042. */
    public String nextCheckNo(int year) {
        return "FK-" + year + "-" + String.format("%06d", nextval(FACILITY_CHECK_NO_SEQ.getName()));
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(CLUSTERS, CLUSTERS.CLUSTER_CODE.eq(code));
    }

    public Optional<String> clusterOfBuilding(String buildingCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE).from(BUILDINGS).where(BUILDINGS.BUILDING_CODE.eq(buildingCode))
                .fetchOptional(r -> r.value1());
    }

    public Optional<String> departmentOfKind(String kind) {
        return dsl.select(DEPARTMENTS.DEPARTMENT_CODE).from(DEPARTMENTS).where(DEPARTMENTS.KIND.eq(kind))
                .orderBy(DEPARTMENTS.DEPARTMENT_CODE).limit(1).fetchOptional(r -> r.value1());
    }

    // --- boards -------------------------------------------------------------------------------

    private static Board board(Record r) {
        return new Board(r.get(NOTICE_BOARDS.BOARD_CODE), r.get(NOTICE_BOARDS.CLUSTER_CODE),
                r.get(NOTICE_BOARDS.BUILDING_CODE), r.get(NOTICE_BOARDS.LOCATION));
    }

    public List<Board> boards(Scope scope, String clusterCode) {
        Condition c = scope.all() ? DSL.noCondition() : NOTICE_BOARDS.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusterCode != null) {
            c = c.and(NOTICE_BOARDS.CLUSTER_CODE.eq(clusterCode));
        }
        return dsl.selectFrom(NOTICE_BOARDS).where(c)
                .orderBy(NOTICE_BOARDS.CLUSTER_CODE, NOTICE_BOARDS.BUILDING_CODE.nullsFirst(), NOTICE_BOARDS.BOARD_CODE)
                .fetch(NoticeRepository::board);
    }

    public Optional<Board> board(String code) {
        return dsl.selectFrom(NOTICE_BOARDS).where(NOTICE_BOARDS.BOARD_CODE.eq(code)).fetchOptional(NoticeRepository::board);
    }

    public Map<String, String> clustersOfBoards(Collection<String> codes) {
        Map<String, String> m = new LinkedHashMap<>();
        dsl.select(NOTICE_BOARDS.BOARD_CODE, NOTICE_BOARDS.CLUSTER_CODE).from(NOTICE_BOARDS)
                .where(NOTICE_BOARDS.BOARD_CODE.in(codes)).forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public void insertBoard(Board b) {
        NoticeBoardsRecord r = dsl.newRecord(NOTICE_BOARDS);
        r.setBoardCode(b.code());
        r.setClusterCode(b.clusterCode());
        r.setBuildingCode(b.buildingCode());
        r.setLocation(b.location());
        r.insert();
    }

    public void updateBoard(Board b) {
        NoticeBoardsRecord r = dsl.fetchSingle(NOTICE_BOARDS, NOTICE_BOARDS.BOARD_CODE.eq(b.code()));
        r.setClusterCode(b.clusterCode());
        r.setBuildingCode(b.buildingCode());
        r.setLocation(b.location());
        RecordUpdates.update(r, "clusterCode");
    }

    /** The buildings of the clusters in scope, code and name, for the card downloads. */
    public Map<String, String> buildings(Scope scope, String clusterCode) {
        Condition c = scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusterCode != null) {
            c = c.and(BUILDINGS.CLUSTER_CODE.eq(clusterCode));
        }
        Map<String, String> m = new LinkedHashMap<>();
        dsl.select(BUILDINGS.BUILDING_CODE, BUILDINGS.NAME).from(BUILDINGS).where(c)
                .orderBy(BUILDINGS.CLUSTER_CODE, BUILDINGS.BUILDING_CODE).forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /** Building name, cluster code and cluster name. */
    public Optional<String[]> buildingPlace(String buildingCode) {
        return dsl.select(BUILDINGS.NAME, CLUSTERS.CLUSTER_CODE, CLUSTERS.NAME).from(BUILDINGS)
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(BUILDINGS.BUILDING_CODE.eq(buildingCode))
                .fetchOptional(r -> new String[] {r.value1(), r.value2(), r.value3()});
    }

    /** The butlers assigned to the cluster on the day, by name. */
    public List<ButlerContact> butlers(String clusterCode, LocalDate day) {
        return dsl.selectDistinct(STAFF.STAFF_CODE, STAFF.NAME, STAFF.SERVICE_PHONE).from(ASSIGNMENTS)
                .join(STAFF).on(STAFF.STAFF_CODE.eq(ASSIGNMENTS.STAFF_CODE))
                .where(ASSIGNMENTS.CLUSTER_CODE.eq(clusterCode)).and(ASSIGNMENTS.FROM_DATE.le(day))
                .and(ASSIGNMENTS.TO_DATE.isNull().or(ASSIGNMENTS.TO_DATE.ge(day)))
                .and(STAFF.ACTIVE.isTrue())
                .orderBy(STAFF.NAME, STAFF.STAFF_CODE)
                .fetch(r -> new ButlerContact(r.value1(), r.value2(), r.value3()));
    }

    public boolean staffExists(String staffCode) {
        return dsl.fetchExists(STAFF, STAFF.STAFF_CODE.eq(staffCode));
    }

    // --- notices ------------------------------------------------------------------------------

    private static Condition postedIn(Scope scope, String clusterCode) {
        Condition c = NOTICE_POSTINGS.NOTICE_NO.eq(NOTICES.NOTICE_NO);
        if (!scope.all()) {
            c = c.and(NOTICE_BOARDS.CLUSTER_CODE.in(scope.clusterCodes()));
        }
        if (clusterCode != null) {
            c = c.and(NOTICE_BOARDS.CLUSTER_CODE.eq(clusterCode));
        }
        return DSL.exists(DSL.selectOne().from(NOTICE_POSTINGS).join(NOTICE_BOARDS)
                .on(NOTICE_BOARDS.BOARD_CODE.eq(NOTICE_POSTINGS.BOARD_CODE)).where(c));
    }

    private static Condition condition(Scope scope, NoticeFilter f, LocalDate today) {
        Condition c = postedIn(scope, f.clusterCode());
        if (f.dueOnly()) {
            c = c.and(NOTICES.TAKEN_DOWN_ON.isNull()).and(NOTICES.EXPIRES_ON.lt(today));
        }
        if (f.upOnly()) {
            c = c.and(NOTICES.TAKEN_DOWN_ON.isNull());
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().trim();
            c = c.and(NOTICES.NOTICE_NO.containsIgnoreCase(t).or(NOTICES.TITLE.containsIgnoreCase(t)));
        }
        return c;
    }

    private List<Notice> select(Condition where, Page page, boolean dueFirst) {
        var staff = STAFF.as("down_staff");
        var q = dsl.select(NOTICES.NOTICE_NO, NOTICES.TITLE, NOTICES.BODY, NOTICES.POSTED_ON, NOTICES.EXPIRES_ON,
                        NOTICES.TAKEN_DOWN_ON, NOTICES.TAKEN_DOWN_BY, staff.NAME)
                .from(NOTICES).leftJoin(staff).on(staff.STAFF_CODE.eq(NOTICES.TAKEN_DOWN_BY))
                .where(where)
                .orderBy(dueFirst ? List.of(NOTICES.EXPIRES_ON.asc(), NOTICES.NOTICE_NO.asc())
                        : List.of(NOTICES.POSTED_ON.desc(), NOTICES.NOTICE_NO.desc()))
                .offset(page.offset()).limit(page.limit())
                .fetch();
        Map<String, List<String>> boards = postings(q.getValues(NOTICES.NOTICE_NO));
        List<Notice> out = new ArrayList<>();
        for (Record r : q) {
            String no = r.get(NOTICES.NOTICE_NO);
            out.add(new Notice(no, r.get(NOTICES.TITLE), r.get(NOTICES.BODY), r.get(NOTICES.POSTED_ON),
                    r.get(NOTICES.EXPIRES_ON), r.get(NOTICES.TAKEN_DOWN_ON), r.get(NOTICES.TAKEN_DOWN_BY),
                    r.get(staff.NAME), boards.getOrDefault(no, List.of())));
        }
        return out;
    }

    private Map<String, List<String>> postings(Collection<String> nos) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (nos.isEmpty()) {
            return m;
        }
        dsl.select(NOTICE_POSTINGS.NOTICE_NO, NOTICE_POSTINGS.BOARD_CODE).from(NOTICE_POSTINGS)
                .where(NOTICE_POSTINGS.NOTICE_NO.in(nos)).orderBy(NOTICE_POSTINGS.BOARD_CODE)
                .forEach(r -> m.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return m;
    }

    public List<Notice> notices(Scope scope, NoticeFilter filter, LocalDate today, Page page) {
        return select(condition(scope, filter, today), page, filter.dueOnly());
    }

    public int countNotices(Scope scope, NoticeFilter filter, LocalDate today) {
        return dsl.fetchCount(NOTICES, condition(scope, filter, today));
    }

    public Optional<Notice> notice(String no) {
        return select(NOTICES.NOTICE_NO.eq(no), Page.first(1), false).stream().findFirst();
    }

    public void insertNotice(String no, String title, String body, LocalDate postedOn, LocalDate expiresOn,
            Collection<String> boards) {
        NoticesRecord r = dsl.newRecord(NOTICES);
        r.setNoticeNo(no);
        r.setTitle(title);
        r.setBody(body);
        r.setPostedOn(postedOn);
        r.setExpiresOn(expiresOn);
        r.insert();
        insertPostings(no, boards);
    }

    private void insertPostings(String no, Collection<String> boards) {
        for (String b : boards) {
            NoticePostingsRecord p = dsl.newRecord(NOTICE_POSTINGS);
            p.setNoticeNo(no);
            p.setBoardCode(b);
            p.insert();
        }
    }

    public void updateNotice(String no, String title, String body, LocalDate postedOn, LocalDate expiresOn,
            Collection<String> boards) {
        NoticesRecord r = dsl.fetchSingle(NOTICES, NOTICES.NOTICE_NO.eq(no));
        r.setTitle(title);
        r.setBody(body);
        r.setPostedOn(postedOn);
        r.setExpiresOn(expiresOn);
        RecordUpdates.update(r, "no");
        List<String> old = dsl.select(NOTICE_POSTINGS.BOARD_CODE).from(NOTICE_POSTINGS)
                .where(NOTICE_POSTINGS.NOTICE_NO.eq(no)).fetch(x -> x.value1());
        List<String> removed = old.stream().filter(b -> !boards.contains(b)).toList();
        if (!removed.isEmpty()) {
            dsl.deleteFrom(NOTICE_POSTINGS).where(NOTICE_POSTINGS.NOTICE_NO.eq(no))
                    .and(NOTICE_POSTINGS.BOARD_CODE.in(removed)).execute();
        }
        insertPostings(no, boards.stream().filter(b -> !old.contains(b)).toList());
    }

    public void takeDown(String no, LocalDate on, String staffCode) {
        NoticesRecord r = dsl.fetchSingle(NOTICES, NOTICES.NOTICE_NO.eq(no));
        r.setTakenDownOn(on);
        r.setTakenDownBy(staffCode);
        RecordUpdates.update(r, "no");
    }

    // --- facilities ---------------------------------------------------------------------------

    public List<Facility> facilities(Scope scope, String clusterCode, String text) {
        Condition c = scope.all() ? DSL.noCondition() : FACILITIES.CLUSTER_CODE.in(scope.clusterCodes());
        if (clusterCode != null) {
            c = c.and(FACILITIES.CLUSTER_CODE.eq(clusterCode));
        }
        if (text != null && !text.isBlank()) {
            c = c.and(FACILITIES.NAME.containsIgnoreCase(text.trim()).or(FACILITIES.FACILITY_CODE.containsIgnoreCase(text.trim())));
        }
        return selectFacilities(c);
    }

    public Optional<Facility> facility(String code) {
        return selectFacilities(FACILITIES.FACILITY_CODE.eq(code)).stream().findFirst();
    }

    private List<Facility> selectFacilities(Condition c) {
        var last = FACILITY_CHECKS.as("last_check");
        Field<String> lastNo = DSL.field(DSL.select(last.CHECK_NO).from(last)
                .where(last.FACILITY_CODE.eq(FACILITIES.FACILITY_CODE))
                .orderBy(last.CHECKED_ON.desc(), last.CHECK_NO.desc()).limit(1)).as("last_no");
        var base = dsl.select(FACILITIES.FACILITY_CODE, FACILITIES.CLUSTER_CODE, FACILITIES.NAME, FACILITIES.KIND,
                FACILITIES.ACTIVE, lastNo).from(FACILITIES).where(c).asTable("f");
        return dsl.select(base.fields()).select(FACILITY_CHECKS.CHECKED_ON, FACILITY_CHECKS.CLEAN_OK,
                        FACILITY_CHECKS.UNDAMAGED_OK, FACILITY_CHECKS.SAFE_OK)
                .from(base).leftJoin(FACILITY_CHECKS).on(FACILITY_CHECKS.CHECK_NO.eq(base.field(lastNo)))
                .orderBy(base.field(FACILITIES.CLUSTER_CODE), base.field(FACILITIES.FACILITY_CODE))
                .fetch(r -> new Facility(r.get(base.field(FACILITIES.FACILITY_CODE)),
                        r.get(base.field(FACILITIES.CLUSTER_CODE)), r.get(base.field(FACILITIES.NAME)),
                        r.get(base.field(FACILITIES.KIND)), Boolean.TRUE.equals(r.get(base.field(FACILITIES.ACTIVE))),
                        r.get(FACILITY_CHECKS.CHECKED_ON),
                        r.get(FACILITY_CHECKS.CHECKED_ON) == null ? null
                                : Boolean.TRUE.equals(r.get(FACILITY_CHECKS.CLEAN_OK))
                                && Boolean.TRUE.equals(r.get(FACILITY_CHECKS.UNDAMAGED_OK))
                                && Boolean.TRUE.equals(r.get(FACILITY_CHECKS.SAFE_OK))));
    }

    public void insertFacility(Facility f) {
        FacilitiesRecord r = dsl.newRecord(FACILITIES);
        r.setFacilityCode(f.code());
        r.setClusterCode(f.clusterCode());
        r.setName(f.name());
        r.setKind(f.kind());
        r.setActive(f.active());
        r.insert();
    }

    public void updateFacility(Facility f) {
        FacilitiesRecord r = dsl.fetchSingle(FACILITIES, FACILITIES.FACILITY_CODE.eq(f.code()));
        r.setClusterCode(f.clusterCode());
        r.setName(f.name());
        r.setKind(f.kind());
        r.setActive(f.active());
        RecordUpdates.update(r, "clusterCode");
    }

    private List<FacilityCheck> selectChecks(Condition c, int limit) {
        return dsl.select(FACILITY_CHECKS.CHECK_NO, FACILITY_CHECKS.FACILITY_CODE, FACILITIES.NAME,
                        FACILITIES.CLUSTER_CODE, FACILITY_CHECKS.CHECKED_ON, FACILITY_CHECKS.STAFF_CODE, STAFF.NAME,
                        FACILITY_CHECKS.CLEAN_OK, FACILITY_CHECKS.UNDAMAGED_OK, FACILITY_CHECKS.SAFE_OK,
                        FACILITY_CHECKS.NOTE, FACILITY_CHECKS.FOLLOW_UP_NO)
                .from(FACILITY_CHECKS).join(FACILITIES).on(FACILITIES.FACILITY_CODE.eq(FACILITY_CHECKS.FACILITY_CODE))
                .leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(FACILITY_CHECKS.STAFF_CODE))
                .where(c).orderBy(FACILITY_CHECKS.CHECKED_ON.desc(), FACILITY_CHECKS.CHECK_NO.desc()).limit(limit)
                .fetch(r -> new FacilityCheck(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    public List<FacilityCheck> checks(String facilityCode, int limit) {
        return selectChecks(FACILITY_CHECKS.FACILITY_CODE.eq(facilityCode), limit);
    }

    public Optional<FacilityCheck> check(String no) {
        return selectChecks(FACILITY_CHECKS.CHECK_NO.eq(no), 1).stream().findFirst();
    }

    public void insertCheck(String no, String facilityCode, LocalDate on, String staffCode, boolean clean,
            boolean undamaged, boolean safe, String note, String followUpNo) {
        FacilityChecksRecord r = dsl.newRecord(FACILITY_CHECKS);
        r.setCheckNo(no);
        r.setFacilityCode(facilityCode);
        r.setCheckedOn(on);
        r.setStaffCode(staffCode);
        r.setCleanOk(clean);
        r.setUndamagedOk(undamaged);
        r.setSafeOk(safe);
        r.setNote(note);
        r.setFollowUpNo(followUpNo);
        r.insert();
    }
}
