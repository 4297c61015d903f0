package org.guanjia.agenda.internal;

import static org.guanjia.db.Tables.AGENDA_ITEMS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.guanjia.agenda.AgendaItem;
import org.guanjia.agenda.AgendaSettings;
import org.guanjia.agenda.Butler;
import org.guanjia.analytics.KpiSummaryMaintenance;
import org.guanjia.base.JsonColumn;
import org.guanjia.document.DocumentSettings;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads the rule items of sql/agenda.sql (the {@code agenda_rules} macro, always with bind
 * values) and keeps agenda_items, the record of what fell due and when it was done.
 */
@Repository
public class AgendaRepository {

    private static final String COLUMNS = "kind, record_ref, staff_code, cluster_code, unit_code,"
            + " opens_on, due_on, deadline, done_on";
    private static final String RULES = " from agenda_rules(cast(? as date), cast(? as date),"
            + " ?, ?, ?, ?, ?, ?, ?)";

    private final DSLContext dsl;
    private final DocumentSettings documents;
    private final KpiSummaryMaintenance summaries;

    public AgendaRepository(DSLContext dsl, DocumentSettings documents, KpiSummaryMaintenance summaries) {
        this.dsl = dsl;
        this.documents = documents;
        this.summaries = summaries;
    }

    private Object[] params(LocalDate asOf, LocalDate since, AgendaSettings s,
            Object... more) {
        Object[] base = {asOf, since, documents.unclaimedDays(), s.facilityDays(), s.signoffDays(),
            s.repairDays(), s.debitDays(), s.signupDays(), s.feedbackDays()};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /**
     * The staff's items open at the end of {@code day} (not done on or before it), still shown
     * that day, and due no earlier than {@code oldestDue}.
     */
    public List<AgendaItem> open(String staffCode, LocalDate day, LocalDate oldestDue,
            AgendaSettings s) {
        return dsl.resultQuery("select " + COLUMNS + RULES
                        + " where staff_code = ? and (done_on is null or done_on > cast(? as date))"
                        + " and (show_until is null or show_until >= cast(? as date))"
                        + " and due_on >= cast(? as date)"
                        + " order by due_on, deadline nulls last, kind, record_ref",
                        params(day, day, s, staffCode, day, day, oldestDue))
                .fetch(AgendaRepository::item);
    }

    /**
     * Records every item that fell due from {@code since} to {@code day} (due on or before the
     * day) with its done day: new items are added, known ones get their done day. Returns the
     * number of rows written.
     */
    public int record(LocalDate day, LocalDate since, AgendaSettings s) {
        // the due days of the rows written (new, or a new done day): their months are counted
        // again per staff member (V033); an item still open may be older than since
        List<LocalDate> due = dsl.resultQuery("insert into agenda_items (item_key, staff_code, cluster_code, kind,"
                        + " record_ref, unit_code, opens_on, due_on, done_on)"
                        + " select item_key, staff_code, cluster_code, kind, record_ref, unit_code,"
                        + " opens_on, due_on, case when done_on <= cast(? as date) then done_on end"
                        + RULES + " where due_on <= cast(? as date) and staff_code is not null"
                        // two assignment rows of one butler on one cluster give the same key
                        + " qualify row_number() over (partition by item_key"
                        + " order by done_on nulls last) = 1"
                        + " on conflict (item_key) do update set done_on = excluded.done_on,"
                        + " updated_at = now()"
                        + " where agenda_items.done_on is distinct from excluded.done_on"
                        + " returning due_on",
                concat(new Object[] {day}, params(day, since, s, day))).fetch(0, LocalDate.class);
        refreshMonths(due);
        return due.size();
    }

    /** Counts the agenda items of the months from the first to the last day given again. */
    private void refreshMonths(List<LocalDate> due) {
        due.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).ifPresent(first ->
                summaries.refreshAgenda(first, due.stream().filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElseThrow()));
    }

    /** Rows per statement of {@link #record(Collection)}. */
    private static final int CHUNK = 20_000;

    /**
     * Records items computed in Java (the collection calendar's steps), as {@code insert ... on
     * conflict} row by row would: a new key is added, a known one gets the done day. One
     * statement per chunk with each column as a JSON array ({@link JsonColumn}); a JDBC batch
     * of single-row upserts cost DuckDB ~8 ms a row (2,534 steps of the demo: 19 s).
     */
    public void record(Collection<AgendaItem> items) {
        // one row per key, as the row-by-row upserts left it: the first item's columns with the
        // last one's done day (DuckDB refuses to update a row twice in one statement)
        Map<String, AgendaItem> byKey = new LinkedHashMap<>();
        for (AgendaItem i : items) {
            byKey.merge(i.key(), i, (first, last) -> new AgendaItem(first.kind(), first.recordRef(),
                    first.staffCode(), first.clusterCode(), first.unitCode(), first.opensOn(),
                    first.dueOn(), first.deadline(), last.doneOn()));
        }
        List<AgendaItem> rows = new ArrayList<>(byKey.values());
        List<LocalDate> due = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<AgendaItem> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Select<?> v = DSL.select(
                    column(AGENDA_ITEMS.ITEM_KEY, chunk, AgendaItem::key),
                    column(AGENDA_ITEMS.STAFF_CODE, chunk, AgendaItem::staffCode),
                    column(AGENDA_ITEMS.CLUSTER_CODE, chunk, AgendaItem::clusterCode),
                    column(AGENDA_ITEMS.KIND, chunk, AgendaItem::kind),
                    column(AGENDA_ITEMS.RECORD_REF, chunk, AgendaItem::recordRef),
                    column(AGENDA_ITEMS.UNIT_CODE, chunk, AgendaItem::unitCode),
                    column(AGENDA_ITEMS.OPENS_ON, chunk, AgendaItem::opensOn),
                    column(AGENDA_ITEMS.DUE_ON, chunk, AgendaItem::dueOn),
                    column(AGENDA_ITEMS.DONE_ON, chunk, AgendaItem::doneOn));
            due.addAll(dsl.resultQuery("insert into agenda_items (item_key, staff_code, cluster_code, kind,"
                    + " record_ref, unit_code, opens_on, due_on, done_on)"
                    + " select item_key, staff_code, cluster_code, kind, record_ref, unit_code,"
                    + " opens_on, due_on, done_on from ({0}) v"
                    + " on conflict (item_key) do update set done_on = excluded.done_on,"
                    + " updated_at = now()"
                    + " where agenda_items.done_on is distinct from excluded.done_on"
                    + " returning due_on", v).fetch(0, LocalDate.class));
        }
        // the months the rows written fell due in, per staff member (V033)
        refreshMonths(due);
    }

    private static <V> Field<V> column(Field<V> field, List<AgendaItem> chunk,
            Function<AgendaItem, V> value) {
        List<Object> values = new ArrayList<>(chunk.size());
        chunk.forEach(i -> values.add(value.apply(i)));
        return JsonColumn.unnest(field, values).as(field.getUnqualifiedName());
    }

    /** Stored items of a staff due in a range (the compliance list). */
    public List<AgendaItem> recorded(String staffCode, LocalDate from, LocalDate to) {
        return dsl.resultQuery("select kind, record_ref, staff_code, cluster_code, unit_code,"
                        + " opens_on, due_on, null as deadline, done_on from agenda_items"
                        + " where staff_code = ? and due_on between cast(? as date) and cast(? as date)"
                        + " order by due_on, kind, record_ref", staffCode, from, to)
                .fetch(AgendaRepository::item);
    }

    /** Staff with a cluster assignment on the day (the butlers whose agenda can be shown). */
    public List<Butler> assignedStaff(LocalDate day) {
        return dsl.resultQuery("select distinct s.staff_code, s.name from staff s"
                        + " join assignments a on a.staff_code = s.staff_code"
                        + " where cast(? as date) between a.from_date"
                        + " and coalesce(a.to_date, date '9999-12-31')"
                        + " order by s.staff_code", day)
                .fetch(r -> new Butler(r.get(0, String.class), r.get(1, String.class)));
    }

    public Optional<String> staffName(String staffCode) {
        return dsl.resultQuery("select name from staff where staff_code = ?", staffCode)
                .fetchOptional(r -> r.get(0, String.class));
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static AgendaItem item(Record r) {
        return new AgendaItem(r.get(0, String.class), r.get(1, String.class),
                r.get(2, String.class), r.get(3, String.class), r.get(4, String.class),
                r.get(5, LocalDate.class), r.get(6, LocalDate.class),
                r.get(7, LocalDateTime.class), r.get(8, LocalDate.class));
    }
}
