package org.guanjia.agenda.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.guanjia.agenda.AgendaItem;
import org.guanjia.agenda.AgendaSettings;
import org.guanjia.agenda.Butler;
import org.guanjia.document.DocumentSettings;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
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

    public AgendaRepository(DSLContext dsl, DocumentSettings documents) {
        this.dsl = dsl;
        this.documents = documents;
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
        return dsl.execute("insert into agenda_items (item_key, staff_code, cluster_code, kind,"
                        + " record_ref, unit_code, opens_on, due_on, done_on)"
                        + " select item_key, staff_code, cluster_code, kind, record_ref, unit_code,"
                        + " opens_on, due_on, case when done_on <= cast(? as date) then done_on end"
                        + RULES + " where due_on <= cast(? as date) and staff_code is not null"
                        // two assignment rows of one butler on one cluster give the same key
                        + " qualify row_number() over (partition by item_key"
                        + " order by done_on nulls last) = 1"
                        + " on conflict (item_key) do update set done_on = excluded.done_on,"
                        + " updated_at = now()"
                        + " where agenda_items.done_on is distinct from excluded.done_on",
                concat(new Object[] {day}, params(day, since, s, day)));
    }

    /** Records items computed in Java (the collection calendar's steps). */
    public void record(Collection<AgendaItem> items) {
        if (items.isEmpty()) {
            return;
        }
        Query insert = dsl.query("insert into agenda_items (item_key, staff_code, cluster_code,"
                + " kind, record_ref, unit_code, opens_on, due_on, done_on)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (item_key) do update set done_on = excluded.done_on,"
                + " updated_at = now()"
                + " where agenda_items.done_on is distinct from excluded.done_on",
                null, null, null, null, null, null, null, null, null);
        var batch = dsl.batch(insert);
        for (AgendaItem i : items) {
            batch = batch.bind(i.key(), i.staffCode(), i.clusterCode(), i.kind(), i.recordRef(),
                    i.unitCode(), i.opensOn(), i.dueOn(), i.doneOn());
        }
        batch.execute();
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
