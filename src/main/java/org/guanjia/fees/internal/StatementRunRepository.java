package org.guanjia.fees.internal;

import static org.guanjia.db.Sequences.STATEMENT_NO_SEQ;
import static org.guanjia.db.Sequences.STATEMENT_RUN_NO_SEQ;
import static org.guanjia.db.Tables.BUILDINGS;
import static org.guanjia.db.Tables.CLUSTERS;
import static org.guanjia.db.Tables.FEE_SCHEDULES;
import static org.guanjia.db.Tables.FEE_TYPES;
import static org.guanjia.db.Tables.STATEMENTS;
import static org.guanjia.db.Tables.STATEMENT_RUNS;
import static org.guanjia.db.Tables.STATEMENT_RUN_LINES;
import static org.guanjia.db.Tables.STATEMENT_RUN_REVIEWS;
import static org.guanjia.db.Tables.UNITS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guanjia.base.BatchWriter;
import org.guanjia.base.Page;
import org.guanjia.base.Scope;
import org.guanjia.db.tables.records.StatementRunLinesRecord;
import org.guanjia.db.tables.records.StatementsRecord;
import org.guanjia.fees.ClusterReview;
import org.guanjia.fees.FeeType;
import org.guanjia.fees.RunLine;
import org.guanjia.fees.StatementRun;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** jOOQ access for the statement run: what to bill, the runs, their lines and reviews. */
@Repository
public class StatementRunRepository {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final DSLContext dsl;
    private final BatchWriter batch;

    StatementRunRepository(DSLContext dsl, BatchWriter batch) {
        this.dsl = dsl;
        this.batch = batch;
    }

    /**
     * A unit and a schedule that prices it for the period, before the amount is computed.
     *
     * @param billed the unit already has a statement of this fee for the period
     */
    public record Candidate(String unitCode, String clusterCode, String estateCode, String unitType,
            BigDecimal areaSqm, String feeType, String basis, String scheduleCode, BigDecimal rate,
            boolean billed) {
    }

    /**
     * Every unit delivered by the end of the period (in the estate, or all estates when empty)
     * with each schedule of its estate and type valid on the period's first day, of the fee
     * types a schedule bills; by cluster, unit and fee type.
     */
    public List<Candidate> candidates(YearMonth period, String estateCode) {
        Field<Boolean> billed = DSL.field(DSL.exists(DSL.selectOne().from(STATEMENTS)
                .where(STATEMENTS.UNIT_CODE.eq(UNITS.UNIT_CODE))
                .and(STATEMENTS.PERIOD.eq(period.toString()))
                .and(STATEMENTS.FEE_TYPE.eq(FEE_SCHEDULES.FEE_TYPE))));
        LocalDate first = period.atDay(1);
        return dsl.select(UNITS.UNIT_CODE, CLUSTERS.CLUSTER_CODE, CLUSTERS.ESTATE_CODE,
                        UNITS.UNIT_TYPE, UNITS.AREA_SQM, FEE_SCHEDULES.FEE_TYPE, FEE_TYPES.BASIS,
                        FEE_SCHEDULES.SCHEDULE_CODE, FEE_SCHEDULES.RATE, billed)
                .from(UNITS)
                .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(BUILDINGS.CLUSTER_CODE))
                .join(FEE_SCHEDULES).on(FEE_SCHEDULES.ESTATE_CODE.eq(CLUSTERS.ESTATE_CODE)
                        .and(FEE_SCHEDULES.UNIT_TYPE.eq(UNITS.UNIT_TYPE))
                        .and(FEE_SCHEDULES.VALID_FROM.le(first))
                        .and(FEE_SCHEDULES.VALID_TO.isNull().or(FEE_SCHEDULES.VALID_TO.ge(first))))
                .join(FEE_TYPES).on(FEE_TYPES.FEE_TYPE.eq(FEE_SCHEDULES.FEE_TYPE))
                .where(UNITS.DELIVERED_ON.le(period.atEndOfMonth()))
                .and(FEE_TYPES.BASIS.in(FeeType.PER_SQM_MONTH, FeeType.FIXED_MONTH))
                .and(estateCode == null ? DSL.noCondition() : CLUSTERS.ESTATE_CODE.eq(estateCode))
                .orderBy(CLUSTERS.CLUSTER_CODE, UNITS.UNIT_CODE, FEE_SCHEDULES.FEE_TYPE)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
    }

    // --- runs -------------------------------------------------------------------------------

    public long nextRunNumber() {
        return dsl.select(nextval(STATEMENT_RUN_NO_SEQ)).fetchSingle().value1();
    }

    /** {@code n} fresh numbers of statement_no_seq, ascending. */
    public List<Long> nextStatementNumbers(int n) {
        if (n == 0) {
            return List.of();
        }
        // one query for all: nextval is evaluated per row of range(n)
        List<Long> numbers = new ArrayList<>(dsl.select(nextval(STATEMENT_NO_SEQ))
                .from(DSL.table("range({0})", DSL.inline(n)))
                .fetch(0, Long.class));
        numbers.sort(null);
        return numbers;
    }

    public void insertRun(String runNo, YearMonth period, String estateCode, LocalDateTime generatedAt) {
        dsl.insertInto(STATEMENT_RUNS)
                .set(STATEMENT_RUNS.RUN_NO, runNo)
                .set(STATEMENT_RUNS.PERIOD, period.toString())
                .set(STATEMENT_RUNS.ESTATE_CODE, estateCode)
                .set(STATEMENT_RUNS.STATUS, StatementRun.GENERATED)
                .set(STATEMENT_RUNS.GENERATED_AT, generatedAt)
                .execute();
    }

    public void markGenerated(String runNo, LocalDateTime generatedAt) {
        dsl.update(STATEMENT_RUNS)
                .set(STATEMENT_RUNS.GENERATED_AT, generatedAt)
                .where(STATEMENT_RUNS.RUN_NO.eq(runNo))
                .execute();
    }

    public void markReleased(String runNo, LocalDateTime releasedAt) {
        dsl.update(STATEMENT_RUNS)
                .set(STATEMENT_RUNS.STATUS, StatementRun.RELEASED)
                .set(STATEMENT_RUNS.RELEASED_AT, releasedAt)
                .where(STATEMENT_RUNS.RUN_NO.eq(runNo))
                .execute();
    }

    /** Runs newest period first, with the figures of the clusters in scope. */
    public List<StatementRun> runs(Scope scope) {
        return runs(scope, DSL.noCondition());
    }

    public Optional<StatementRun> run(String runNo, Scope scope) {
        return runs(scope, STATEMENT_RUNS.RUN_NO.eq(runNo)).stream().findFirst();
    }

    /** The unreleased runs of the period (their estate, empty for all estates). */
    public Map<String, String> unreleasedRuns(YearMonth period) {
        Map<String, String> runs = new HashMap<>();
        dsl.select(STATEMENT_RUNS.RUN_NO, STATEMENT_RUNS.ESTATE_CODE).from(STATEMENT_RUNS)
                .where(STATEMENT_RUNS.PERIOD.eq(period.toString()))
                .and(STATEMENT_RUNS.STATUS.ne(StatementRun.RELEASED))
                .forEach(r -> runs.put(r.value1(), r.value2()));
        return runs;
    }

    private record Figures(int count, BigDecimal amount, int clusters) {
    }

    private List<StatementRun> runs(Scope scope, Condition which) {
        Map<String, Figures> lines = new HashMap<>();
        dsl.select(STATEMENT_RUN_LINES.RUN_NO, DSL.count(), DSL.sum(STATEMENT_RUN_LINES.AMOUNT),
                        DSL.countDistinct(STATEMENT_RUN_LINES.CLUSTER_CODE))
                .from(STATEMENT_RUN_LINES)
                .where(inScope(scope, STATEMENT_RUN_LINES.CLUSTER_CODE))
                .groupBy(STATEMENT_RUN_LINES.RUN_NO)
                .forEach(r -> lines.put(r.value1(), new Figures(r.value2(), r.value3(), r.value4())));
        Map<String, Integer> reviewed = new HashMap<>();
        dsl.select(STATEMENT_RUN_REVIEWS.RUN_NO, DSL.count())
                .from(STATEMENT_RUN_REVIEWS)
                .where(inScope(scope, STATEMENT_RUN_REVIEWS.CLUSTER_CODE))
                .and(DSL.exists(DSL.selectOne().from(STATEMENT_RUN_LINES)
                        .where(STATEMENT_RUN_LINES.RUN_NO.eq(STATEMENT_RUN_REVIEWS.RUN_NO))
                        .and(STATEMENT_RUN_LINES.CLUSTER_CODE.eq(STATEMENT_RUN_REVIEWS.CLUSTER_CODE))))
                .groupBy(STATEMENT_RUN_REVIEWS.RUN_NO)
                .forEach(r -> reviewed.put(r.value1(), r.value2()));
        Map<String, Figures> statements = new HashMap<>();
        var stmts = dsl.select(STATEMENTS.RUN_NO, DSL.count(), DSL.sum(STATEMENTS.AMOUNT))
                .from(STATEMENTS);
        Condition issued = STATEMENTS.RUN_NO.isNotNull();
        (scope.all() ? stmts.where(issued)
                : stmts.join(UNITS).on(UNITS.UNIT_CODE.eq(STATEMENTS.UNIT_CODE))
                        .join(BUILDINGS).on(BUILDINGS.BUILDING_CODE.eq(UNITS.BUILDING_CODE))
                        .where(issued).and(inScope(scope, BUILDINGS.CLUSTER_CODE)))
                .groupBy(STATEMENTS.RUN_NO)
                .forEach(r -> statements.put(r.value1(), new Figures(r.value2(), r.value3(), 0)));
        Figures none = new Figures(0, ZERO, 0);
        return dsl.select(STATEMENT_RUNS.RUN_NO, STATEMENT_RUNS.PERIOD, STATEMENT_RUNS.ESTATE_CODE,
                        STATEMENT_RUNS.STATUS, STATEMENT_RUNS.GENERATED_AT, STATEMENT_RUNS.RELEASED_AT,
                        STATEMENT_RUNS.CREATED_BY)
                .from(STATEMENT_RUNS)
                .where(which)
                .orderBy(STATEMENT_RUNS.PERIOD.desc(), STATEMENT_RUNS.RUN_NO.desc())
                .fetch(r -> {
                    Figures l = lines.getOrDefault(r.value1(), none);
                    Figures s = statements.getOrDefault(r.value1(), none);
                    return new StatementRun(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            r.value6(), r.value7(), l.count(), scale2(l.amount()), l.clusters(),
                            reviewed.getOrDefault(r.value1(), 0), s.count(), scale2(s.amount()));
                });
    }

    // --- lines ------------------------------------------------------------------------------

    public void deleteLines(String runNo) {
        dsl.deleteFrom(STATEMENT_RUN_LINES).where(STATEMENT_RUN_LINES.RUN_NO.eq(runNo)).execute();
    }

    public int insertLines(String runNo, List<RunLine> lines) {
        List<StatementRunLinesRecord> records = new ArrayList<>(lines.size());
        for (RunLine l : lines) {
            StatementRunLinesRecord r = new StatementRunLinesRecord();
            r.setRunNo(runNo);
            r.setUnitCode(l.unitCode());
            r.setFeeType(l.feeType());
            r.setClusterCode(l.clusterCode());
            r.setScheduleCode(l.scheduleCode());
            r.setAreaSqm(l.areaSqm());
            r.setRate(l.rate());
            r.setAmount(l.amount());
            records.add(r);
        }
        return batch.insert(STATEMENT_RUN_LINES, records);
    }

    /** A page of the run's lines in the clusters in scope (and the one cluster, when given). */
    public List<RunLine> lines(String runNo, String clusterCode, Scope scope, Page page) {
        return dsl.select(STATEMENT_RUN_LINES.UNIT_CODE, STATEMENT_RUN_LINES.CLUSTER_CODE,
                        CLUSTERS.ESTATE_CODE, UNITS.UNIT_TYPE, STATEMENT_RUN_LINES.AREA_SQM,
                        STATEMENT_RUN_LINES.FEE_TYPE, STATEMENT_RUN_LINES.SCHEDULE_CODE,
                        STATEMENT_RUN_LINES.RATE, STATEMENT_RUN_LINES.AMOUNT)
                .from(STATEMENT_RUN_LINES)
                .join(UNITS).on(UNITS.UNIT_CODE.eq(STATEMENT_RUN_LINES.UNIT_CODE))
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(STATEMENT_RUN_LINES.CLUSTER_CODE))
                .where(lineFilter(runNo, clusterCode, scope))
                .orderBy(STATEMENT_RUN_LINES.CLUSTER_CODE, STATEMENT_RUN_LINES.UNIT_CODE,
                        STATEMENT_RUN_LINES.FEE_TYPE)
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new RunLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }

    public int countLines(String runNo, String clusterCode, Scope scope) {
        return dsl.fetchCount(STATEMENT_RUN_LINES, lineFilter(runNo, clusterCode, scope));
    }

    public List<RunLine> allLines(String runNo) {
        return lines(runNo, null, Scope.ALL, new Page(0, Integer.MAX_VALUE));
    }

    private static Condition lineFilter(String runNo, String clusterCode, Scope scope) {
        return STATEMENT_RUN_LINES.RUN_NO.eq(runNo)
                .and(clusterCode == null ? DSL.noCondition()
                        : STATEMENT_RUN_LINES.CLUSTER_CODE.eq(clusterCode))
                .and(inScope(scope, STATEMENT_RUN_LINES.CLUSTER_CODE));
    }

    // --- reviews ----------------------------------------------------------------------------

    /** Per cluster in scope with lines in the run: the lines, their sum and the review. */
    public List<ClusterReview> clusterReviews(String runNo, Scope scope) {
        var l = STATEMENT_RUN_LINES;
        var rv = STATEMENT_RUN_REVIEWS;
        return dsl.select(l.CLUSTER_CODE, CLUSTERS.NAME, DSL.count(), DSL.sum(l.AMOUNT),
                        rv.REVIEWED_BY, rv.REVIEWED_AT, rv.NOTE)
                .from(l)
                .join(CLUSTERS).on(CLUSTERS.CLUSTER_CODE.eq(l.CLUSTER_CODE))
                .leftJoin(rv).on(rv.RUN_NO.eq(l.RUN_NO).and(rv.CLUSTER_CODE.eq(l.CLUSTER_CODE)))
                .where(l.RUN_NO.eq(runNo))
                .and(inScope(scope, l.CLUSTER_CODE))
                .groupBy(l.CLUSTER_CODE, CLUSTERS.NAME, rv.REVIEWED_BY, rv.REVIEWED_AT, rv.NOTE)
                .orderBy(l.CLUSTER_CODE)
                .fetch(r -> new ClusterReview(runNo, r.value1(), r.value2(), r.value3(),
                        scale2(r.value4()), r.value5(), r.value6(), r.value7()));
    }

    public Set<String> reviewedClusters(String runNo) {
        return new HashSet<>(dsl.select(STATEMENT_RUN_REVIEWS.CLUSTER_CODE).from(STATEMENT_RUN_REVIEWS)
                .where(STATEMENT_RUN_REVIEWS.RUN_NO.eq(runNo))
                .fetch(STATEMENT_RUN_REVIEWS.CLUSTER_CODE));
    }

    public void deleteReviews(String runNo) {
        dsl.deleteFrom(STATEMENT_RUN_REVIEWS).where(STATEMENT_RUN_REVIEWS.RUN_NO.eq(runNo)).execute();
    }

    /** Records the review of a cluster, or replaces its earlier one (another reviewer, a new note). */
    public void saveReview(String runNo, String clusterCode, String username, LocalDateTime at,
            String note) {
        int updated = dsl.update(STATEMENT_RUN_REVIEWS)
                .set(STATEMENT_RUN_REVIEWS.REVIEWED_BY, username)
                .set(STATEMENT_RUN_REVIEWS.REVIEWED_AT, at)
                .set(STATEMENT_RUN_REVIEWS.NOTE, note)
                .where(STATEMENT_RUN_REVIEWS.RUN_NO.eq(runNo))
                .and(STATEMENT_RUN_REVIEWS.CLUSTER_CODE.eq(clusterCode))
                .execute();
        if (updated == 0) {
            dsl.insertInto(STATEMENT_RUN_REVIEWS)
                    .set(STATEMENT_RUN_REVIEWS.RUN_NO, runNo)
                    .set(STATEMENT_RUN_REVIEWS.CLUSTER_CODE, clusterCode)
                    .set(STATEMENT_RUN_REVIEWS.REVIEWED_BY, username)
                    .set(STATEMENT_RUN_REVIEWS.REVIEWED_AT, at)
                    .set(STATEMENT_RUN_REVIEWS.NOTE, note)
                    .execute();
        }
    }

    // --- statements -------------------------------------------------------------------------

    /** A statement to write at the release. */
    public record NewStatement(String statementNo, String unitCode, YearMonth period, String feeType,
            BigDecimal amount, LocalDate issuedOn, LocalDate dueOn, String runNo) {
    }

    public int insertStatements(List<NewStatement> statements) {
        List<StatementsRecord> records = new ArrayList<>(statements.size());
        for (NewStatement s : statements) {
            StatementsRecord r = new StatementsRecord();
            r.setStatementNo(s.statementNo());
            r.setUnitCode(s.unitCode());
            r.setPeriod(s.period().toString());
            r.setFeeType(s.feeType());
            r.setAmount(s.amount());
            r.setIssuedOn(s.issuedOn());
            r.setDueOn(s.dueOn());
            r.setRunNo(s.runNo());
            records.add(r);
        }
        return batch.insert(STATEMENTS, records);
    }

    // --- helpers ----------------------------------------------------------------------------

    private static Condition inScope(Scope scope, Field<String> cluster) {
        return scope.all() ? DSL.noCondition() : cluster.in(scope.clusterCodes());
    }

    /** jOOQ renders {@code seq.nextval()} as {@code "seq".nextval}, which DuckDB cannot read. */
    private static Field<Long> nextval(org.jooq.Sequence<Long> sequence) {
        return DSL.function("nextval", Long.class, DSL.inline(sequence.getName()));
    }

    private static BigDecimal scale2(BigDecimal v) {
        return v == null ? ZERO : v.setScale(2);
    }
}
