package org.guanjia.workplan.internal;

import static org.guanjia.db.Tables.STAFF;
import static org.guanjia.db.Tables.WORK_PLANS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.db.tables.records.WorkPlansRecord;
import org.guanjia.workplan.PlanItem;
import org.guanjia.workplan.WorkPlan;
import org.guanjia.workplan.WorkPlanFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to work_plans and the records a plan's draft lists. */
@Repository
public class WorkPlanRepository {

    private static final int LIST_LIMIT = 15;

    private final DSLContext dsl;

    WorkPlanRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new number, e.g. WP-2026-000042 (the demo's numbers start with "D-", so never clash). */
    public String nextNo(int year) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline("work_plan_no_seq")))
                .fetchOne(0, Long.class);
        return "WP-" + year + "-" + String.format("%06d", n);
    }

    private Condition where(WorkPlanFilter f, String onlyStaff) {
        Condition c = DSL.trueCondition();
        if (f.kind() != null) {
            c = c.and(WORK_PLANS.KIND.eq(f.kind()));
        }
        if (f.grain() != null) {
            c = c.and(WORK_PLANS.GRAIN.eq(f.grain()));
        }
        if (f.status() != null) {
            c = c.and(WORK_PLANS.STATUS.eq(f.status()));
        }
        if (f.staffCode() != null) {
            c = c.and(WORK_PLANS.STAFF_CODE.eq(f.staffCode()));
        }
        if (onlyStaff != null) {
            c = c.and(WORK_PLANS.STAFF_CODE.eq(onlyStaff));
        }
        return c;
    }

    /** Newest period first; {@code onlyStaff} non-null restricts to one butler's plans. */
    public List<WorkPlan> list(WorkPlanFilter f, String onlyStaff, Page page) {
        return dsl.select(WORK_PLANS.fields()).select(STAFF.NAME)
                .from(WORK_PLANS).leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(WORK_PLANS.STAFF_CODE))
                .where(where(f, onlyStaff))
                .orderBy(WORK_PLANS.PERIOD_START.desc(), WORK_PLANS.GRAIN, WORK_PLANS.KIND,
                        WORK_PLANS.STAFF_CODE, WORK_PLANS.PLAN_NO)
                .offset(page.offset()).limit(page.limit())
                .fetch(this::toPlan);
    }

    public int count(WorkPlanFilter f, String onlyStaff) {
        return dsl.fetchCount(WORK_PLANS, where(f, onlyStaff));
    }

    public Optional<WorkPlan> find(String no) {
        return dsl.select(WORK_PLANS.fields()).select(STAFF.NAME)
                .from(WORK_PLANS).leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(WORK_PLANS.STAFF_CODE))
                .where(WORK_PLANS.PLAN_NO.eq(no)).fetchOptional(this::toPlan);
    }

    /** Inserts a new draft with an empty text. */
    public void insertDraft(String no, String kind, String grain, String staffCode, String cluster,
            LocalDate start, LocalDate end, String user) {
        WorkPlansRecord r = dsl.newRecord(WORK_PLANS);
        r.setPlanNo(no);
        r.setKind(kind);
        r.setGrain(grain);
        r.setStaffCode(staffCode);
        r.setClusterCode(cluster);
        r.setPeriodStart(start);
        r.setPeriodEnd(end);
        r.setStatus("draft");
        r.setBody("");
        r.setCreatedBy(user);
        r.setUpdatedBy(user);
        r.store();
    }

    /**
     * Writes the text and, if not null, the new status with its time stamps (only the changed
     * columns: see RecordUpdates).
     */
    public void update(String no, String body, String status, LocalDateTime submittedAt,
            String reviewer, String comment, LocalDateTime reviewedAt, LocalDateTime now, String user) {
        WorkPlansRecord r = dsl.selectFrom(WORK_PLANS).where(WORK_PLANS.PLAN_NO.eq(no)).fetchOne();
        if (body != null) {
            r.setBody(body);
        }
        if (status != null) {
            r.setStatus(status);
            if (status.equals("submitted")) {
                r.setSubmittedAt(submittedAt);
                r.setReviewedAt(null);
            } else if (!status.equals("draft")) {
                r.setReviewerUsername(reviewer);
                r.setReviewComment(comment);
                r.setReviewedAt(reviewedAt);
            }
        }
        r.setUpdatedAt(now);
        r.setUpdatedBy(user);
        RecordUpdates.update(r, "body");
    }

    /** The plan of the same kind, grain, owner and start that already exists, if any. */
    public Optional<String> existing(String kind, String grain, String staffCode, String cluster,
            LocalDate start) {
        Condition owner = staffCode != null ? WORK_PLANS.STAFF_CODE.eq(staffCode)
                : WORK_PLANS.STAFF_CODE.isNull().and(WORK_PLANS.CLUSTER_CODE.eq(cluster));
        return dsl.select(WORK_PLANS.PLAN_NO).from(WORK_PLANS)
                .where(WORK_PLANS.KIND.eq(kind), WORK_PLANS.GRAIN.eq(grain),
                        WORK_PLANS.PERIOD_START.eq(start), owner)
                .fetchOptional(WORK_PLANS.PLAN_NO);
    }

    private WorkPlan toPlan(Record r) {
        return new WorkPlan(r.get(WORK_PLANS.PLAN_NO), r.get(WORK_PLANS.KIND), r.get(WORK_PLANS.GRAIN),
                r.get(WORK_PLANS.STAFF_CODE), r.get(STAFF.NAME), r.get(WORK_PLANS.CLUSTER_CODE),
                r.get(WORK_PLANS.PERIOD_START), r.get(WORK_PLANS.PERIOD_END), r.get(WORK_PLANS.BODY),
                r.get(WORK_PLANS.STATUS), r.get(WORK_PLANS.SUBMITTED_AT),
                r.get(WORK_PLANS.REVIEWER_USERNAME), r.get(WORK_PLANS.REVIEW_COMMENT),
                r.get(WORK_PLANS.REVIEWED_AT));
    }

    public Optional<String> staffName(String code) {
        return dsl.select(STAFF.NAME).from(STAFF).where(STAFF.STAFF_CODE.eq(code))
                .fetchOptional(STAFF.NAME);
    }

    public boolean clusterExists(String code) {
        return dsl.fetchExists(dsl.selectOne().from("clusters").where("cluster_code = ?", code));
    }

    public boolean userExists(String username) {
        return dsl.fetchExists(dsl.selectOne().from("app_users").where("username = ?", username));
    }

    /** The clusters the butler was assigned to on some day of the period, in code order. */
    public List<String> clustersOf(String staffCode, LocalDate start, LocalDate end) {
        return dsl.resultQuery("select distinct cluster_code from assignments where staff_code = ?"
                + " and from_date <= ? and (to_date is null or to_date >= ?) order by cluster_code",
                staffCode, end, start).fetch(0, String.class);
    }

    /** The estate of each cluster. */
    public List<String> estatesOf(Collection<String> clusters) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        return dsl.resultQuery("select distinct estate_code from clusters where cluster_code in ("
                + marks(clusters) + ") order by estate_code", clusters.toArray()).fetch(0, String.class);
    }

    /** Follow-ups raised before T and not resolved by T (T = the day after asOf, 00:00). */
    public List<PlanItem> openFollowUps(Collection<String> clusters, LocalDate asOf) {
        LocalDateTime t = asOf.plusDays(1).atStartOfDay();
        return items("select 'followUp', follow_up_no, coalesce(unit_code, building_code, cluster_code),"
                + " cast(raised_at as date), description, null from follow_ups where cluster_code in ("
                + marks(clusters) + ") and raised_at < ? and (resolved_at is null or resolved_at >= ?)"
                + " order by raised_at, follow_up_no", clusters, t, t);
    }

    /** Complaints received before T and not resolved by T. */
    public List<PlanItem> openComplaints(Collection<String> clusters, LocalDate asOf) {
        LocalDateTime t = asOf.plusDays(1).atStartOfDay();
        return items("select 'complaint', c.complaint_no, c.unit_code, cast(c.received_at as date),"
                + " c.description, null from complaints c join units u on u.unit_code = c.unit_code"
                + " join buildings b on b.building_code = u.building_code where b.cluster_code in ("
                + marks(clusters) + ") and c.received_at < ? and (c.resolved_at is null"
                + " or c.resolved_at >= ?) order by c.received_at, c.complaint_no", clusters, t, t);
    }

    /** Visits of the period where the owner voiced strong opinions. */
    public List<PlanItem> strongOpinionVisits(Collection<String> clusters, LocalDate from, LocalDate to) {
        return items("select 'strongOpinion', v.visit_no, v.unit_code, v.visited_on,"
                + " coalesce(v.topic, v.note), null from visits v join units u on u.unit_code = v.unit_code"
                + " join buildings b on b.building_code = u.building_code where b.cluster_code in ("
                + marks(clusters) + ") and v.strong_opinion and v.visited_on between ? and ?"
                + " order by v.visited_on, v.visit_no", clusters, from, to);
    }

    /** Lawyer's letters sent in the period. */
    public List<PlanItem> lawyerLetters(Collection<String> clusters, LocalDate from, LocalDate to) {
        return items("select 'lawyerLetter', l.letter_no, l.unit_code, l.sent_on, l.note,"
                + " l.principal + l.late_fee from lawyer_letters l join units u on u.unit_code = l.unit_code"
                + " join buildings b on b.building_code = u.building_code where b.cluster_code in ("
                + marks(clusters) + ") and l.sent_on between ? and ?"
                + " order by l.sent_on, l.letter_no", clusters, from, to);
    }

    /** Facility checks of the period that found the facility unclean, damaged or unsafe. */
    public List<PlanItem> failedChecks(Collection<String> clusters, LocalDate from, LocalDate to) {
        return items("select 'failedCheck', c.check_no, f.name, c.checked_on, c.note, null"
                + " from facility_checks c join facilities f on f.facility_code = c.facility_code"
                + " where f.cluster_code in (" + marks(clusters) + ") and c.checked_on between ? and ?"
                + " and (not coalesce(c.clean_ok, true) or not coalesce(c.undamaged_ok, true)"
                + " or not coalesce(c.safe_ok, true)) order by c.checked_on, c.check_no",
                clusters, from, to);
    }

    /** Activities of the clusters' estates held in the period (activities have no KPI dataset). */
    public long activitiesHeld(Collection<String> clusters, LocalDate from, LocalDate to) {
        if (clusters.isEmpty()) {
            return 0;
        }
        List<Object> binds = new ArrayList<>(clusters);
        binds.add(from.atStartOfDay());
        binds.add(to.plusDays(1).atStartOfDay());
        return dsl.resultQuery("select count(*) from activities where estate_code in (select"
                + " estate_code from clusters where cluster_code in (" + marks(clusters) + "))"
                + " and status = 'held' and starts_at >= ? and starts_at < ?", binds.toArray())
                .fetchOne(0, Long.class);
    }

    /** Summaries of an estate's clusters (null = all) whose period ended in [from, to], submitted or approved. */
    public List<WorkPlan> summariesEnded(String estate, LocalDate from, LocalDate to) {
        Condition c = WORK_PLANS.KIND.eq("summary").and(WORK_PLANS.PERIOD_END.between(from, to))
                .and(WORK_PLANS.STATUS.in("submitted", "approved"));
        if (estate != null) {
            c = c.and(WORK_PLANS.CLUSTER_CODE.in(DSL.select(DSL.field("cluster_code", String.class))
                    .from("clusters").where("estate_code = ?", estate)));
        }
        return dsl.select(WORK_PLANS.fields()).select(STAFF.NAME)
                .from(WORK_PLANS).leftJoin(STAFF).on(STAFF.STAFF_CODE.eq(WORK_PLANS.STAFF_CODE))
                .where(c).orderBy(WORK_PLANS.CLUSTER_CODE, WORK_PLANS.STAFF_CODE,
                        WORK_PLANS.PERIOD_START, WORK_PLANS.PLAN_NO)
                .fetch(this::toPlan);
    }

    private List<PlanItem> items(String sql, Collection<String> clusters, Object a, Object b) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        List<Object> binds = new ArrayList<>(clusters);
        binds.add(a);
        binds.add(b);
        return dsl.resultQuery(sql + " limit " + LIST_LIMIT, binds.toArray()).fetch(r -> new PlanItem(
                r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                r.get(3, LocalDate.class), r.get(4, String.class), r.get(5, BigDecimal.class)));
    }

    private static String marks(Collection<String> values) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(1, values.size()), "?"));
    }
}
