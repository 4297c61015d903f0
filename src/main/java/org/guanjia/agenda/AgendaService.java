package org.guanjia.agenda;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.guanjia.agenda.internal.AgendaRepository;
import org.guanjia.base.AccessDeniedException;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.collection.ButlerDuties;
import org.guanjia.collection.CalendarDay;
import org.guanjia.collection.CollectionCalendarService;
import org.guanjia.collection.DueUnit;
import org.guanjia.collection.StepDuties;
import org.guanjia.collection.StepWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.guanjia.base.TrustedInput;

/**
 * The butler's agenda (F14, rulebook duties 4–7 and sections 一 to 十): what is due today and
 * overdue, computed from the records by the rules of sql/agenda.sql plus the collection
 * calendar's steps — nothing is ticked by hand, an item goes when the record that satisfies
 * it is made. {@link #record(LocalDate)} keeps which items fell due and when they were done
 * (agenda_items) for the butler workload figures (KPI.md "Butler work").
 *
 * <p>Every signed-in user with a staff code sees their own agenda; supervisors, managers and
 * administrators see any butler's.
 */
@Service
@TrustedInput("called by the scheduled job with a day")
@Transactional(readOnly = true)
public class AgendaService {

    private static final Logger log = LoggerFactory.getLogger(AgendaService.class);
    private static final Role[] OVERSEERS = {Role.ADMIN, Role.MANAGER, Role.SUPERVISOR};

    private final AgendaRepository repo;
    private final CollectionCalendarService collection;
    private final AgendaSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AgendaService(AgendaRepository repo, CollectionCalendarService collection,
            AgendaSettings settings, CurrentUser currentUser, Clock clock) {
        this.repo = repo;
        this.collection = collection;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The signed-in user's staff code, empty for accounts without one (e.g. admin). */
    public Optional<String> myStaffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode);
    }

    /** Whether the user may open other butlers' agendas (the UI shows a picker). */
    public boolean canSeeOthers() {
        for (Role r : OVERSEERS) {
            if (currentUser.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    /** The signed-in user's agenda today. */
    public Agenda mine() {
        String me = myStaffCode().orElseThrow(
                () -> new AccessDeniedException("error.forbidden", currentUser.usernameOrSystem()));
        return build(me, today());
    }

    /** A butler's agenda today: their own, or any for supervisors, managers and admins. */
    public Agenda of(String staffCode) {
        if (!staffCode.equals(myStaffCode().orElse(null))) {
            currentUser.require(OVERSEERS);
        }
        return build(staffCode, today());
    }

    /** The staff assigned to clusters today, for the supervisor's picker. */
    public List<Butler> butlers() {
        currentUser.require(OVERSEERS);
        return repo.assignedStaff(today());
    }

    private Agenda build(String staffCode, LocalDate day) {
        long start = System.nanoTime();
        List<AgendaItem> items = new ArrayList<>(repo.open(staffCode, day,
                day.minusDays(settings.overdueDays()), settings));
        long rules = System.nanoTime();
        CalendarDay calendar = collection.day(day);
        log.debug("Agenda of {} on {}: rules {} ms, collection calendar {} ms", staffCode, day,
                (rules - start) / 1_000_000, (System.nanoTime() - rules) / 1_000_000);
        for (StepDuties step : calendar.steps()) {
            for (ButlerDuties b : step.butlers()) {
                if (!staffCode.equals(b.staffCode())) {
                    continue;
                }
                for (DueUnit u : b.units()) {
                    if (!u.done()) {
                        items.add(collectionItem(step.window(), staffCode, u));
                    }
                }
            }
        }
        items.sort(Comparator.comparing(AgendaItem::dueOn)
                .thenComparing(AgendaItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AgendaItem::kind).thenComparing(AgendaItem::recordRef));
        return new Agenda(day, staffCode, repo.staffName(staffCode).orElse(staffCode), items);
    }

    private static AgendaItem collectionItem(StepWindow w, String staffCode, DueUnit u) {
        return new AgendaItem(AgendaItem.COLLECTION_CALL, w.step().code() + "/" + u.unitCode(),
                staffCode, u.clusterCode(), u.unitCode(), w.from(), w.to(), null, u.doneOn());
    }

    /**
     * Records what fell due up to {@code day} (from {@code historyDays} before it) and when it
     * was done, for every butler: the rule items and the collection calendar's steps whose
     * window ended in that time. Idempotent; run after the demo data.
     */
    @Transactional
    public int record(LocalDate day) {
        return record(day, settings.historyDays());
    }

    /**
     * {@link #record(LocalDate)}, but the collection calendar's steps only for windows that ended
     * in the last {@code stepDays} days: a step's result is final once its window closed and the
     * calendar is the costly part (it reads every unit's balance). The hourly job uses a week.
     */
    @Transactional
    public int record(LocalDate day, int stepDays) {
        currentUser.require(OVERSEERS);
        long start = System.nanoTime();
        LocalDate since = day.minusDays(settings.historyDays());
        LocalDate stepsSince = day.minusDays(Math.min(stepDays, settings.historyDays()));
        int rows = repo.record(day, since, settings);
        long rules = System.nanoTime();
        List<AgendaItem> steps = new ArrayList<>();
        for (YearMonth m = YearMonth.from(stepsSince); !m.isAfter(YearMonth.from(day)); m = m.plusMonths(1)) {
            for (StepWindow w : collection.calendar().windows(m)) {
                if (w.to().isBefore(stepsSince) || w.to().isAfter(day)) {
                    continue;
                }
                for (StepDuties step : collection.day(w.to()).steps()) {
                    if (step.window().step() != w.step()) {
                        continue;
                    }
                    for (ButlerDuties b : step.butlers()) {
                        if (b.staffCode() == null || b.staffCode().isEmpty()) {
                            continue;
                        }
                        for (DueUnit u : b.units()) {
                            steps.add(collectionItem(w, b.staffCode(), u));
                        }
                    }
                }
            }
        }
        repo.record(steps);
        log.info("Agenda recorded up to {}: {} rule rows written ({} ms), {} collection steps ({} ms)",
                day, rows, (rules - start) / 1_000_000, steps.size(),
                (System.nanoTime() - rules) / 1_000_000);
        return rows + steps.size();
    }

    /** The recorded items of a butler due in a range (own, or any for overseers). */
    public List<AgendaItem> recorded(String staffCode, LocalDate from, LocalDate to) {
        if (!staffCode.equals(myStaffCode().orElse(null))) {
            currentUser.require(OVERSEERS);
        }
        return repo.recorded(staffCode, from, to);
    }

    /**
     * The butler's agenda compliance in each of the last {@code weeks} ISO weeks up to this one
     * (oldest first), from the recorded items (own, or any for overseers).
     */
    public List<WeekCompliance> weekly(String staffCode, int weeks) {
        LocalDate today = today();
        LocalDate thisMonday = today.with(DayOfWeek.MONDAY);
        LocalDate from = thisMonday.minusWeeks(weeks - 1L);
        List<AgendaItem> items = recorded(staffCode, from, today);
        List<WeekCompliance> out = new ArrayList<>();
        for (LocalDate monday = from; !monday.isAfter(thisMonday); monday = monday.plusWeeks(1)) {
            LocalDate start = monday;
            LocalDate end = monday.plusDays(6);
            int due = 0;
            int onTime = 0;
            int late = 0;
            for (AgendaItem i : items) {
                if (i.dueOn().isBefore(start) || i.dueOn().isAfter(end)) {
                    continue;
                }
                due++;
                if (i.doneOn() == null || i.doneOn().isAfter(today)) {
                    continue;
                }
                if (i.doneOn().isAfter(i.dueOn())) {
                    late++;
                } else {
                    onTime++;
                }
            }
            out.add(new WeekCompliance(start, due, onTime, late, due - onTime - late));
        }
        return out;
    }
}
