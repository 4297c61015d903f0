package org.guanjia.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.estate.EstateService;
import org.guanjia.estate.Unit;
import org.guanjia.fees.internal.FeeScheduleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fee schedules (F12): the rate of each fee type per estate and unit type over time. Statements
 * already issued are never repriced: a schedule whose rate or dates would change the rate of a
 * month that has statements is refused, and a new rate is set with {@link #changeRate}, which
 * closes the current schedule the day before and opens a new one. ADMIN and FINANCE change
 * schedules; MANAGER, SUPERVISOR and SERVICE_DESK read them.
 */
@Service
@Transactional(readOnly = true)
public class FeeScheduleService {

    private static final Role[] WRITERS = {Role.ADMIN, Role.FINANCE};
    private static final Role[] READERS = {Role.ADMIN, Role.FINANCE, Role.MANAGER, Role.SUPERVISOR,
            Role.SERVICE_DESK};
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final FeeScheduleRepository repo;
    private final EstateService estates;
    private final AuditService audit;
    private final CurrentUser currentUser;

    public FeeScheduleService(FeeScheduleRepository repo, EstateService estates, AuditService audit,
            CurrentUser currentUser) {
        this.repo = repo;
        this.estates = estates;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    public List<FeeType> feeTypes() {
        currentUser.require(READERS);
        return repo.feeTypes();
    }

    /** The fee types a schedule can price (not the metered ones). */
    public List<FeeType> scheduledFeeTypes() {
        return feeTypes().stream().filter(FeeType::scheduled).toList();
    }

    /** The schedules of one estate, or of all estates when {@code estateCode} is empty. */
    public List<FeeSchedule> schedules(String estateCode) {
        currentUser.require(READERS);
        return repo.schedules(blankToNull(estateCode));
    }

    public Optional<FeeSchedule> schedule(String code) {
        currentUser.require(READERS);
        return repo.schedule(code);
    }

    /**
     * Creates or changes a schedule. Refused: overlapping validity with another schedule of the
     * same estate, unit type and fee type; on a change, another estate, unit type or fee type,
     * or a rate or dates that would change the rate of a month already billed.
     */
    @Transactional
    public FeeSchedule save(FeeSchedule s, boolean isNew) {
        currentUser.require(WRITERS);
        FeeSchedule clean = new FeeSchedule(trim(s.code()), s.estateCode(), s.unitType(),
                s.feeType(), s.rate() == null ? null : s.rate().setScale(4), s.validFrom(),
                s.validTo());
        Validator v = check(clean);
        Optional<FeeSchedule> stored = clean.code() == null ? Optional.empty() : repo.schedule(clean.code());
        if (isNew && stored.isPresent()) {
            v.add("code", "validation.duplicate", clean.code());
        } else if (!isNew && stored.isEmpty() && clean.code() != null) {
            v.add("code", "validation.unknown", clean.code());
        }
        v.throwIfAny();
        if (!isNew) {
            checkKeyUnchanged(stored.get(), clean);
            checkIssuedMonthsUnchanged(stored.get(), clean);
        }
        checkNoOverlap(clean);
        if (isNew) {
            repo.insert(clean);
        } else {
            repo.update(clean);
        }
        audit.record(isNew ? "create" : "update", "fee_schedule", clean.code(), clean.toString());
        return clean;
    }

    /**
     * Sets a new rate from {@code from} on: the schedule valid then ends the day before and a
     * new schedule with the rate starts on {@code from}, up to the old end. Refused when a month
     * whose first day is on or after {@code from} already has statements at the old rate.
     * Returns the new schedule.
     */
    @Transactional
    public FeeSchedule changeRate(String code, LocalDate from, BigDecimal rate) {
        currentUser.require(WRITERS);
        FeeSchedule current = repo.schedule(code)
                .orElseThrow(() -> ValidationException.of("code", "validation.unknown", code));
        Validator v = new Validator()
                .required("validFrom", from)
                .required("rate", rate)
                .scale("rate", rate, 4);
        if (rate != null) {
            v.check(rate.signum() >= 0, "rate", "fees.schedule.negativeRate");
        }
        v.throwIfAny();
        if (!from.isAfter(current.validFrom()) || (current.validTo() != null
                && from.isAfter(current.validTo()))) {
            throw ValidationException.of("validFrom", "fees.schedule.changeOutside",
                    current.validFrom().plusDays(1), current.validTo() == null ? "…" : current.validTo());
        }
        SortedSet<YearMonth> billed = repo.billedPeriods(current.estateCode(), current.unitType(),
                current.feeType());
        for (YearMonth m : billed) {
            if (!m.atDay(1).isBefore(from) && current.covers(m)) {
                throw ValidationException.of("validFrom", "fees.schedule.changeIssued", m.toString());
            }
        }
        String newCode = newCode(current.code(), from);
        if (repo.schedule(newCode).isPresent()) {
            throw ValidationException.of("validFrom", "validation.duplicate", newCode);
        }
        FeeSchedule closed = new FeeSchedule(current.code(), current.estateCode(), current.unitType(),
                current.feeType(), current.rate(), current.validFrom(), from.minusDays(1));
        FeeSchedule opened = new FeeSchedule(newCode, current.estateCode(), current.unitType(),
                current.feeType(), rate.setScale(4), from, current.validTo());
        repo.update(closed);
        repo.insert(opened);
        audit.record("update", "fee_schedule", closed.code(), "closed for a new rate: " + closed);
        audit.record("create", "fee_schedule", opened.code(), "rate change: " + opened);
        return opened;
    }

    // --- checks -----------------------------------------------------------------------------

    private Validator check(FeeSchedule s) {
        Validator v = new Validator()
                .required("code", s.code()).maxLength("code", s.code(), 32)
                .required("estateCode", s.estateCode())
                .required("unitType", s.unitType())
                .required("feeType", s.feeType())
                .required("rate", s.rate())
                .scale("rate", s.rate(), 4)
                .required("validFrom", s.validFrom());
        if (s.rate() != null) {
            v.check(s.rate().signum() >= 0, "rate", "fees.schedule.negativeRate");
        }
        if (s.estateCode() != null) {
            v.check(estates.estate(s.estateCode()).isPresent(), "estateCode", "validation.unknown",
                    s.estateCode());
        }
        if (s.unitType() != null) {
            v.check(Unit.TYPES.contains(s.unitType()), "unitType", "validation.oneOf", Unit.TYPES);
        }
        if (s.feeType() != null) {
            Optional<FeeType> type = repo.feeTypes().stream()
                    .filter(t -> t.code().equals(s.feeType())).findFirst();
            if (type.isEmpty()) {
                v.add("feeType", "validation.unknown", s.feeType());
            } else {
                v.check(type.get().scheduled(), "feeType", "fees.schedule.metered");
            }
        }
        if (s.validFrom() != null && s.validTo() != null) {
            v.check(!s.validTo().isBefore(s.validFrom()), "validTo", "validation.toBeforeFrom");
        }
        return v;
    }

    private static void checkKeyUnchanged(FeeSchedule old, FeeSchedule s) {
        Validator v = new Validator()
                .check(old.estateCode().equals(s.estateCode()), "estateCode", "fees.schedule.keyFixed")
                .check(old.unitType().equals(s.unitType()), "unitType", "fees.schedule.keyFixed")
                .check(old.feeType().equals(s.feeType()), "feeType", "fees.schedule.keyFixed");
        v.throwIfAny();
    }

    /**
     * A billed month must keep the rate it was billed at: refused when the rate changes on a
     * billed month the schedule covers, or when the dates move a billed month in or out.
     */
    private void checkIssuedMonthsUnchanged(FeeSchedule old, FeeSchedule s) {
        boolean rateChanged = old.rate().compareTo(s.rate()) != 0;
        boolean datesChanged = !old.validFrom().equals(s.validFrom())
                || !java.util.Objects.equals(old.validTo(), s.validTo());
        if (!rateChanged && !datesChanged) {
            return;
        }
        SortedSet<YearMonth> billed = repo.billedPeriods(old.estateCode(), old.unitType(), old.feeType());
        for (YearMonth m : billed) {
            boolean before = old.covers(m);
            boolean after = s.covers(m);
            if (rateChanged && before && after) {
                throw ValidationException.of("rate", "fees.schedule.rateIssued", m.toString());
            }
            if (before != after) {
                // which end moved over the month: the start when the month lies before either start
                LocalDate latestStart = old.validFrom().isAfter(s.validFrom()) ? old.validFrom() : s.validFrom();
                String field = m.atDay(1).isBefore(latestStart) ? "validFrom" : "validTo";
                throw ValidationException.of(field, "fees.schedule.datesIssued", m.toString());
            }
        }
    }

    private void checkNoOverlap(FeeSchedule s) {
        for (FeeSchedule o : repo.sameKey(s)) {
            if (!o.code().equals(s.code()) && o.overlaps(s)) {
                throw ValidationException.of("validFrom", "fees.schedule.overlap", o.code(),
                        o.validFrom(), o.validTo() == null ? "…" : o.validTo());
            }
        }
    }

    /** The new schedule's code: the old one (without a date suffix) and the start date. */
    static String newCode(String oldCode, LocalDate from) {
        String base = oldCode.replaceFirst("-\\d{8}$", "");
        String suffix = "-" + DAY.format(from);
        if (base.length() + suffix.length() > 32) {
            base = base.substring(0, 32 - suffix.length());
        }
        return base + suffix;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
