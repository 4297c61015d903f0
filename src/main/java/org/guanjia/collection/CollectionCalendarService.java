package org.guanjia.collection;

import static org.guanjia.billing.Allocator.CODE_POINT_ORDER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.collection.internal.CalendarRepository;
import org.guanjia.collection.internal.CalendarRepository.Act;
import org.guanjia.collection.internal.CalendarRepository.Balance;
import org.guanjia.collection.internal.CalendarRepository.Latest;
import org.guanjia.collection.internal.CollectionRepository;
import org.guanjia.collection.internal.CollectionRepository.OwnerContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection calendar's lists (rulebook 十): for each step open on a day, the units due
 * per butler, and for each unit whether the step is done. Nothing is ticked by hand: a unit is
 * done when an action that satisfies the step ({@link CollectionStep#doneBy}) is logged in the
 * step's window, on or before the day.
 *
 * <p>Which units are due ("unpaid" as of the day, KPI.md: statements issued by the day less
 * allocations dated by the day):
 * <ul>
 * <li>monthly calls: the statements of the day's month (the run of the 28th-31st of the month
 * before) are not fully paid;</li>
 * <li>reason-finding and both re-checks: any statement issued by the day is not fully paid
 * (overdue or not);</li>
 * <li>lawyer's letters: the unit has overdue statements (due before the day) and its latest
 * recorded reason is "malicious".</li>
 * </ul>
 * Units are assigned to butlers by {@link ButlerRoster}. A butler sees their own list only;
 * every other role sees every butler's.
 */
@Service
@Transactional(readOnly = true)
public class CollectionCalendarService {

    private static final Logger log = LoggerFactory.getLogger(CollectionCalendarService.class);

    private final CalendarRepository repo;
    private final CollectionRepository collection;
    private final CollectionService service;
    private final CollectionCalendar calendar;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CollectionCalendarService(CalendarRepository repo, CollectionRepository collection,
            CollectionService service, CollectionSettings settings, CurrentUser currentUser,
            Clock clock) {
        this.repo = repo;
        this.collection = collection;
        this.service = service;
        this.calendar = new CollectionCalendar(settings);
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public CollectionCalendar calendar() {
        return calendar;
    }

    /** {@link #day(LocalDate)} for today. */
    public CalendarDay today() {
        return day(LocalDate.now(clock));
    }

    /** The steps open on the day with their lists. */
    public CalendarDay day(LocalDate day) {
        currentUser.require(Role.values());
        long start = System.nanoTime();
        List<StepWindow> open = calendar.openOn(day);
        Optional<StepWindow> next = calendar.next(day);
        if (open.isEmpty()) {
            return new CalendarDay(day, List.of(), next);
        }
        Optional<GuanjiaPrincipal> me = currentUser.principal();
        boolean butler = me.map(p -> p.role() == Role.BUTLER).orElse(false);
        String myCode = me.map(GuanjiaPrincipal::staffCode).orElse(null);
        if (butler && myCode == null) {
            return new CalendarDay(day, open.stream().map(w -> new StepDuties(w, List.of())).toList(),
                    next);
        }
        ButlerRoster roster = new ButlerRoster(repo.postings(day), repo.buildings());
        List<Balance> balances = new ArrayList<>(repo.balances(day, List.of()));
        if (butler) {
            balances.removeIf(b -> !roster.butlerOf(b.buildingCode())
                    .map(x -> x.staffCode().equals(myCode)).orElse(false));
        }
        balances.sort(Comparator.comparing(Balance::unitCode, CODE_POINT_ORDER));
        Map<String, Latest> latest = repo.latest(day);
        LocalDate earliest = open.stream().map(StepWindow::from).min(LocalDate::compareTo).orElseThrow();
        Map<String, List<Act>> acts = new HashMap<>();
        for (Act a : repo.actionsBetween(earliest, day)) {
            acts.computeIfAbsent(a.unit(), u -> new ArrayList<>()).add(a);
        }
        Set<String> flagged = service.flaggedUnits(day);
        Map<String, OwnerContact> owners = collection.owners();
        List<StepDuties> steps = new ArrayList<>();
        for (StepWindow w : open) {
            Map<String, List<DueUnit>> byButler = new TreeMap<>(CODE_POINT_ORDER);
            Map<String, String> names = new HashMap<>();
            for (Balance b : balances) {
                Latest l = latest.get(b.unitCode());
                BigDecimal counted = counted(w.step(), b, l);
                if (counted.signum() <= 0) {
                    continue;
                }
                LocalDate doneOn = acts.getOrDefault(b.unitCode(), List.of()).stream()
                        .filter(a -> !a.actionOn().isBefore(w.from()) && !a.actionOn().isAfter(day))
                        .filter(a -> w.step().doneBy(a.method(), a.reason()))
                        .map(Act::actionOn).findFirst().orElse(null);
                OwnerContact owner = owners.get(b.unitCode());
                DueUnit unit = new DueUnit(b.unitCode(), b.clusterCode(), b.buildingCode(),
                        owner == null ? null : owner.name(), owner == null ? null : currentUser.phone(owner.phone()),
                        counted, b.overdue(), b.oldestDueOn(),
                        l == null ? null : l.lastActionOn(), l == null ? null : l.lastMethod(),
                        l == null ? null : l.promisedOn(), l == null ? null : l.reason(),
                        flagged.contains(b.unitCode()), doneOn);
                Optional<ButlerRoster.Butler> who = roster.butlerOf(b.buildingCode());
                // "" sorts first: the unassigned list heads the supervisor's view
                String key = who.map(ButlerRoster.Butler::staffCode).orElse("");
                who.ifPresent(x -> names.put(x.staffCode(), x.name()));
                byButler.computeIfAbsent(key, k -> new ArrayList<>()).add(unit);
            }
            List<ButlerDuties> lists = new ArrayList<>();
            byButler.forEach((code, units) -> lists.add(new ButlerDuties(code.isEmpty() ? null : code,
                    names.get(code), units)));
            steps.add(new StepDuties(w, lists));
        }
        log.debug("Collection calendar of {}: {} steps, {} units owing, {} ms", day, steps.size(),
                balances.size(), (System.nanoTime() - start) / 1_000_000);
        return new CalendarDay(day, steps, next);
    }

    /** What the unit owes that puts it on the step's list (0 = not on it). */
    private static BigDecimal counted(CollectionStep step, Balance b, Latest latest) {
        return switch (step) {
            case MONTHLY_CALLS -> b.current();
            case REASON_FINDING, RECHECK_WEEK3, RECHECK_WEEK4 -> b.outstanding();
            case LAWYER_LETTERS -> latest != null && "malicious".equals(latest.reason())
                    ? b.overdue() : BigDecimal.ZERO;
        };
    }
}
