package org.guanjia.activity.internal;

import static org.guanjia.db.Sequences.ACTIVITY_NO_SEQ;
import static org.guanjia.db.Tables.ACTIVITIES;
import static org.guanjia.db.Tables.ACTIVITY_SIGNUPS;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.ESTATES;
import static org.guanjia.db.Tables.OWNERS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.guanjia.activity.Activity;
import org.guanjia.activity.Signup;
import org.guanjia.base.Page;
import org.guanjia.base.RecordUpdates;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.ActivitiesRecord;
import org.guanjia.db.tables.records.ActivitySignupsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** jOOQ access to activities and activity_signups. */
@Repository
public class ActivityRepository {

    private final DSLContext dsl;

    ActivityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Numbers like AC-202503-00042 (the demo's start with "D-"). */
    public String nextNo(LocalDate on) {
        long n = dsl.select(DSL.function("nextval", SQLDataType.BIGINT, DSL.inline(ACTIVITY_NO_SEQ.getName())))
                .fetchOne(0, Long.class);
        return String.format("AC-%04d%02d-%05d", on.getYear(), on.getMonthValue(), n);
    }

    /** The estates a scope reaches: all, or those holding one of its clusters. */
    public List<String> estates(Scope scope) {
        if (scope.all()) {
            return dsl.select(ESTATES.ESTATE_CODE).from(ESTATES).orderBy(ESTATES.ESTATE_CODE).fetch(r -> r.value1());
        }
        return dsl.selectDistinct(CLUSTERS.ESTATE_CODE).from(CLUSTERS)
                .where(CLUSTERS.CLUSTER_CODE.in(scope.clusterCodes())).orderBy(CLUSTERS.ESTATE_CODE)
                .fetch(r -> r.value1());
    }

    public boolean estateExists(String code) {
        return dsl.fetchExists(ESTATES, ESTATES.ESTATE_CODE.eq(code));
    }

    /** The unit's cluster and estate. */
    public Optional<String[]> placeOfUnit(String unitCode) {
        return dsl.select(BUILDINGS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE).from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .where(UNITS.UNIT_CODE.eq(unitCode)).fetchOptional(r -> new String[] {r.value1(), r.value2()});
    }

    // --- activities ------------------------------------------------------------------------------

    private static final Field<Integer> SIGNUPS = DSL.field(DSL.selectCount().from(ACTIVITY_SIGNUPS)
            .where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(ACTIVITIES.ACTIVITY_NO))).as("signups");
    private static final Field<BigDecimal> HEADS = DSL.field(DSL.select(DSL.sum(ACTIVITY_SIGNUPS.HEAD_COUNT))
            .from(ACTIVITY_SIGNUPS).where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(ACTIVITIES.ACTIVITY_NO))).as("heads");
    private static final Field<BigDecimal> ATTENDED = DSL.field(DSL.select(DSL.sum(ACTIVITY_SIGNUPS.ATTENDED_COUNT))
            .from(ACTIVITY_SIGNUPS).where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(ACTIVITIES.ACTIVITY_NO))
            .and(ACTIVITY_SIGNUPS.ATTENDED.isTrue())).as("attended_heads");
    private static final Field<Integer> FEEDBACKS = DSL.field(DSL.selectCount().from(ACTIVITY_SIGNUPS)
            .where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(ACTIVITIES.ACTIVITY_NO))
            .and(ACTIVITY_SIGNUPS.FEEDBACK_SCORE.isNotNull())).as("feedbacks");
    private static final Field<BigDecimal> SCORES = DSL.field(DSL.select(DSL.sum(ACTIVITY_SIGNUPS.FEEDBACK_SCORE))
            .from(ACTIVITY_SIGNUPS).where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(ACTIVITIES.ACTIVITY_NO))).as("scores");

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(ACTIVITIES.fields()).select(ESTATES.NAME, SIGNUPS, HEADS, ATTENDED, FEEDBACKS, SCORES)
                .from(ACTIVITIES).join(ESTATES).on(ESTATES.ESTATE_CODE.eq(ACTIVITIES.ESTATE_CODE));
    }

    private static Activity map(Record r) {
        int feedbacks = r.get(FEEDBACKS);
        BigDecimal mean = feedbacks == 0 || r.get(SCORES) == null ? null
                : r.get(SCORES).divide(BigDecimal.valueOf(feedbacks), 2, RoundingMode.HALF_UP);
        return new Activity(r.get(ACTIVITIES.ACTIVITY_NO), r.get(ACTIVITIES.ESTATE_CODE), r.get(ESTATES.NAME),
                r.get(ACTIVITIES.TITLE), r.get(ACTIVITIES.STARTS_AT), r.get(ACTIVITIES.PLACE),
                r.get(ACTIVITIES.CAPACITY), r.get(ACTIVITIES.NOTICE_ON), r.get(ACTIVITIES.STATUS),
                r.get(ACTIVITIES.SUMMARY), r.get(SIGNUPS), intOf(r.get(HEADS)), intOf(r.get(ATTENDED)), feedbacks,
                mean);
    }

    private static int intOf(BigDecimal b) {
        return b == null ? 0 : b.intValue();
    }

    public Optional<Activity> find(String no) {
        return select().where(ACTIVITIES.ACTIVITY_NO.eq(no)).fetchOptional(ActivityRepository::map);
    }

    private static Condition condition(List<String> estates, String status, String estateCode, String text) {
        Condition c = ACTIVITIES.ESTATE_CODE.in(estates);
        if (status != null) {
            c = c.and(ACTIVITIES.STATUS.eq(status));
        }
        if (estateCode != null) {
            c = c.and(ACTIVITIES.ESTATE_CODE.eq(estateCode));
        }
        if (text != null && !text.isBlank()) {
            String t = text.trim();
            c = c.and(ACTIVITIES.ACTIVITY_NO.containsIgnoreCase(t).or(ACTIVITIES.TITLE.containsIgnoreCase(t))
                    .or(ACTIVITIES.PLACE.containsIgnoreCase(t)));
        }
        return c;
    }

    /** Newest first (upcoming ones lead). */
    public List<Activity> list(List<String> estates, String status, String estateCode, String text, Page page) {
        return select().where(condition(estates, status, estateCode, text))
                .orderBy(ACTIVITIES.STARTS_AT.desc(), ACTIVITIES.ACTIVITY_NO.desc())
                .offset(page.offset()).limit(page.limit()).fetch(ActivityRepository::map);
    }

    public int count(List<String> estates, String status, String estateCode, String text) {
        return dsl.fetchCount(ACTIVITIES, condition(estates, status, estateCode, text));
    }

    public void insert(String no, String estateCode, String title, LocalDateTime startsAt, String place,
            Integer capacity) {
        ActivitiesRecord r = dsl.newRecord(ACTIVITIES);
        r.setActivityNo(no);
        r.setEstateCode(estateCode);
        r.setTitle(title);
        r.setStartsAt(startsAt);
        r.setPlace(place);
        r.setCapacity(capacity);
        r.setStatus("planned");
        r.insert();
    }

    public void updatePlan(String no, String title, LocalDateTime startsAt, String place, Integer capacity) {
        ActivitiesRecord r = dsl.fetchSingle(ACTIVITIES, ACTIVITIES.ACTIVITY_NO.eq(no));
        r.setTitle(title);
        r.setStartsAt(startsAt);
        r.setPlace(place);
        r.setCapacity(capacity);
        RecordUpdates.update(r, "title");
    }

    /** Sets the status, and the notice day or summary when given. */
    public void setStatus(String no, String status, LocalDate noticeOn, String summary) {
        ActivitiesRecord r = dsl.fetchSingle(ACTIVITIES, ACTIVITIES.ACTIVITY_NO.eq(no));
        r.setStatus(status);
        if (noticeOn != null) {
            r.setNoticeOn(noticeOn);
        }
        if (summary != null) {
            r.setSummary(summary);
        }
        RecordUpdates.update(r, "status");
    }

    public void setSummary(String no, String summary) {
        ActivitiesRecord r = dsl.fetchSingle(ACTIVITIES, ACTIVITIES.ACTIVITY_NO.eq(no));
        r.setSummary(summary);
        RecordUpdates.update(r, "summary");
    }

    // --- sign-ups --------------------------------------------------------------------------------

    private static final Field<String> OWNER = DSL.field(DSL.select(DSL.min(OWNERS.NAME)).from(OWNERS)
            .where(OWNERS.UNIT_CODE.eq(ACTIVITY_SIGNUPS.UNIT_CODE))).as("owner_name");

    private static Signup mapSignup(Record r) {
        return new Signup(r.get(ACTIVITY_SIGNUPS.ACTIVITY_NO), r.get(ACTIVITY_SIGNUPS.UNIT_CODE),
                r.get(BUILDINGS.CLUSTER_CODE), r.get(OWNER), r.get(ACTIVITY_SIGNUPS.HEAD_COUNT),
                r.get(ACTIVITY_SIGNUPS.SIGNED_UP_ON), r.get(ACTIVITY_SIGNUPS.ATTENDED),
                r.get(ACTIVITY_SIGNUPS.ATTENDED_COUNT), r.get(ACTIVITY_SIGNUPS.FEEDBACK_SCORE),
                r.get(ACTIVITY_SIGNUPS.FEEDBACK), r.get(ACTIVITY_SIGNUPS.SUGGESTION), r.get(ACTIVITY_SIGNUPS.FEEDBACK_ON));
    }

    /** The sign-ups of the activity in the scope's clusters, by unit. */
    public List<Signup> signups(String no, Scope scope) {
        return dsl.select(ACTIVITY_SIGNUPS.fields()).select(BUILDINGS.CLUSTER_CODE, OWNER)
                .from(ACTIVITY_SIGNUPS)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(ACTIVITY_SIGNUPS.UNIT_CODE))
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(no))
                .and(scope.all() ? DSL.noCondition() : BUILDINGS.CLUSTER_CODE.in(scope.clusterCodes()))
                .orderBy(ACTIVITY_SIGNUPS.UNIT_CODE).fetch(ActivityRepository::mapSignup);
    }

    public Optional<Integer> headCount(String no, String unitCode) {
        return dsl.select(ACTIVITY_SIGNUPS.HEAD_COUNT).from(ACTIVITY_SIGNUPS)
                .where(ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(no)).and(ACTIVITY_SIGNUPS.UNIT_CODE.eq(unitCode))
                .fetchOptional(r -> r.value1());
    }

    public void insertSignup(String no, String unitCode, int heads, LocalDate on) {
        ActivitySignupsRecord r = dsl.newRecord(ACTIVITY_SIGNUPS);
        r.setActivityNo(no);
        r.setUnitCode(unitCode);
        r.setHeadCount(heads);
        r.setSignedUpOn(on);
        r.insert();
    }

    public void setHeadCount(String no, String unitCode, int heads) {
        ActivitySignupsRecord r = signup(no, unitCode);
        r.setHeadCount(heads);
        RecordUpdates.update(r, "headCount");
    }

    public void setResult(String no, String unitCode, boolean attended, int attendedCount, Integer score,
            String feedback, String suggestion, LocalDate feedbackOn) {
        ActivitySignupsRecord r = signup(no, unitCode);
        r.setAttended(attended);
        r.setAttendedCount(attendedCount);
        r.setFeedbackScore(score);
        r.setFeedback(feedback);
        r.setSuggestion(suggestion);
        r.setFeedbackOn(feedbackOn);
        RecordUpdates.update(r, "attended");
    }

    private ActivitySignupsRecord signup(String no, String unitCode) {
        return dsl.fetchSingle(ACTIVITY_SIGNUPS, ACTIVITY_SIGNUPS.ACTIVITY_NO.eq(no)
                .and(ACTIVITY_SIGNUPS.UNIT_CODE.eq(unitCode)));
    }
}
