package org.guanjia.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guanjia.audit.AuditService;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.i18n.Messages;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.billing.AllocationService;
import org.guanjia.billing.Ledger;
import org.guanjia.collection.internal.CollectionRepository;
import org.guanjia.collection.internal.CollectionRepository.OwnerContact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lawyer's letters (律师函) to malicious defaulters (rulebook 十, week 4 of a quarter's last
 * month): the overdue statements of the unit on the letter's date with the late fee of
 * {@link LateFees}, recorded in lawyer_letters (with the lines as printed) and in the
 * collection log in one transaction, and printed as a PDF in the reader's language. Butlers
 * (their clusters), supervisors and administrators send them.
 */
@Service
@Transactional(readOnly = true)
public class LawyerLetterService {

    private static final Role[] SENDERS = {Role.BUTLER, Role.SUPERVISOR, Role.ADMIN};

    private final CollectionRepository repo;
    private final AllocationService allocations;
    private final CollectionSettings settings;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;

    public LawyerLetterService(CollectionRepository repo, AllocationService allocations,
            CollectionSettings settings, AuditService audit, CurrentUser currentUser,
            Messages messages, Clock clock) {
        this.repo = repo;
        this.allocations = allocations;
        this.settings = settings;
        this.audit = audit;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    /** Whether the signed-in user may send letters (their clusters only, for a butler). */
    public boolean maySend() {
        return currentUser.principal().map(p -> List.of(SENDERS).contains(p.role())).orElse(false);
    }

    /** The letter the unit would get today, not recorded (no number). */
    public LawyerLetter draft(String unitCode) {
        currentUser.require(SENDERS);
        requireInScope(unitCode);
        return compose(null, unitCode, LocalDate.now(clock));
    }

    /**
     * Sends a letter dated today: records it with its lines and logs a {@code lawyer_letter}
     * action (reason {@code malicious} when that is the unit's latest recorded reason), together.
     */
    @Transactional
    public LawyerLetter send(String unitCode) {
        currentUser.require(SENDERS);
        requireInScope(unitCode);
        LocalDate today = LocalDate.now(clock);
        LawyerLetter draft = compose(null, unitCode, today);
        if (draft.lines().isEmpty()) {
            throw ValidationException.of("unitCode", "collect.letter.nothingOverdue", unitCode);
        }
        String no = repo.nextLetterNo(today.getYear());
        LawyerLetter letter = new LawyerLetter(no, unitCode, draft.staffCode(), today,
                draft.principal(), draft.lateFee(), draft.rate(), draft.startDays(), "sent",
                draft.lines());
        repo.insert(letter, null);
        String reason = repo.latestReason(unitCode, today).filter("malicious"::equals).orElse(null);
        CollectionAction action = new CollectionAction(repo.nextActionNo(today.getYear()), unitCode,
                today, draft.staffCode(), null, "lawyer_letter", reason, null,
                no + ": " + draft.principal().toPlainString() + " + " + draft.lateFee().toPlainString(),
                null, null, null);
        repo.insert(action);
        audit.record("create", "lawyer_letter", no, "unit=" + unitCode + " principal="
                + letter.principal() + " late_fee=" + letter.lateFee() + " rate=" + letter.rate());
        audit.record("create", "collection_action", action.actionNo(),
                "unit=" + unitCode + " method=lawyer_letter letter=" + no);
        return letter;
    }

    /** The unit's letters, newest first. */
    public List<LawyerLetter> letters(String unitCode) {
        requireInScope(unitCode);
        return repo.letters(unitCode).stream().map(this::withLines).toList();
    }

    public Optional<LawyerLetter> letter(String letterNo) {
        return repo.letter(letterNo).filter(l -> inScope(l.unitCode())).map(this::withLines);
    }

    /** The letter as a PDF in the locale's language. */
    public byte[] pdf(String letterNo, Locale locale) {
        LawyerLetter letter = repo.letter(letterNo)
                .orElseThrow(() -> ValidationException.of("letterNo", "validation.unknown", letterNo));
        requireInScope(letter.unitCode());
        OwnerContact owner = repo.owner(letter.unitCode()).orElse(new OwnerContact(null, null, null));
        return LetterPdf.render(withLines(letter), owner, repo.currencyOfUnit(letter.unitCode()),
                settings.letterPayWithinDays(), (key, args) -> messages.getTranslation(key, locale, args),
                locale);
    }

    /** A draft as a PDF (marked as a draft by its missing number), for a look before sending. */
    public byte[] draftPdf(String unitCode, Locale locale) {
        LawyerLetter draft = draft(unitCode);
        OwnerContact owner = repo.owner(unitCode).orElse(new OwnerContact(null, null, null));
        return LetterPdf.render(draft, owner, repo.currencyOfUnit(unitCode),
                settings.letterPayWithinDays(), (key, args) -> messages.getTranslation(key, locale, args),
                locale);
    }

    private LawyerLetter compose(String no, String unitCode, LocalDate day) {
        Ledger ledger = allocations.ledger(unitCode, day).orElseThrow(
                () -> ValidationException.of("unitCode", "validation.unknown", unitCode));
        List<LetterLine> lines = LateFees.lines(ledger.statements(), day,
                settings.lateFeeDailyRate(), settings.lateFeeStartDays());
        return new LawyerLetter(no, unitCode, staffCode(), day, LateFees.principal(lines),
                LateFees.lateFee(lines), settings.lateFeeDailyRate(), settings.lateFeeStartDays(),
                "draft", lines);
    }

    /**
     * Letters recorded without their lines (the demo's, or any from before lines were kept) get
     * them recomputed from the ledger as of the letter's date with the letter's own rate.
     */
    private LawyerLetter withLines(LawyerLetter l) {
        if (!l.lines().isEmpty()) {
            return l;
        }
        int start = l.startDays() == null ? settings.lateFeeStartDays() : l.startDays();
        Ledger ledger = allocations.ledger(l.unitCode(), l.sentOn()).orElseThrow();
        List<LetterLine> lines = LateFees.lines(ledger.statements(), l.sentOn(),
                l.rate() == null ? settings.lateFeeDailyRate() : l.rate(), start);
        return new LawyerLetter(l.letterNo(), l.unitCode(), l.staffCode(), l.sentOn(),
                l.principal(), l.lateFee(), l.rate(), start, l.status(), lines);
    }

    private boolean inScope(String unitCode) {
        return repo.clusterOfUnit(unitCode).map(c -> currentUser.scope().allows(c)).orElse(false);
    }

    private void requireInScope(String unitCode) {
        Optional<String> cluster = repo.clusterOfUnit(unitCode);
        if (cluster.isEmpty()) {
            throw ValidationException.of("unitCode", "validation.unknown", unitCode);
        }
        currentUser.scope().check(cluster.get());
    }

    private String staffCode() {
        return currentUser.principal().map(GuanjiaPrincipal::staffCode).orElse(null);
    }
}
