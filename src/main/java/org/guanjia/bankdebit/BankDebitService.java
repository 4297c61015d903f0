package org.guanjia.bankdebit;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.guanjia.audit.AuditService;
import org.guanjia.bankdebit.BankFiles.ResultRow;
import org.guanjia.bankdebit.BankFiles.ResultSheet;
import org.guanjia.bankdebit.internal.BankDebitRepository;
import org.guanjia.bankdebit.internal.BankDebitRepository.Candidate;
import org.guanjia.bankdebit.internal.BankDebitRepository.EnrolmentValues;
import org.guanjia.bankdebit.internal.BankDebitRepository.ExportItem;
import org.guanjia.bankdebit.internal.BankDebitRepository.ItemState;
import org.guanjia.bankdebit.internal.BankDebitRepository.NewResult;
import org.guanjia.bankdebit.internal.BankDebitRepository.OwnerUnit;
import org.guanjia.bankdebit.internal.BankDebitRepository.StoredEnrolment;
import org.guanjia.bankdebit.internal.BankDebitRepository.WaitingItem;
import org.guanjia.base.CurrentUser;
import org.guanjia.base.Page;
import org.guanjia.base.Role;
import org.guanjia.base.ValidationException;
import org.guanjia.base.Validator;
import org.guanjia.base.security.GuanjiaPrincipal;
import org.guanjia.billing.AllocationService;
import org.guanjia.collection.CollectionService;
import org.guanjia.collection.NewCollectionAction;
import org.guanjia.estate.EstateService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank auto-debit (交通银行代扣, rulebook 十; DESIGN.md F12): owners' enrolments, the weekly
 * debit list of enrolled units with open statements, its file for the bank, the bank's result
 * file (successes become payments, failures wait for the butler's call), and the failed-debit
 * call list.
 *
 * <p>Roles: the service desk, finance and administrators keep enrolments and lists; everyone
 * reads enrolments of their clusters (account numbers masked); butlers, supervisors and the
 * service desk (the call centre helps, rulebook 十) log the calls about failed debits of their
 * clusters.
 */
@Service
@Transactional(readOnly = true)
public class BankDebitService {

    private static final Logger log = LoggerFactory.getLogger(BankDebitService.class);

    static final Role[] WRITERS = {Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK};
    static final Role[] BATCH_READERS = {Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK, Role.MANAGER};
    static final Role[] CALLERS = {Role.ADMIN, Role.FINANCE, Role.SERVICE_DESK, Role.BUTLER,
            Role.SUPERVISOR};

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("yyyy/MM/dd"), DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"));

    private final BankDebitRepository repo;
    private final EstateService estates;
    private final AllocationService allocations;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CollectionService collection;

    public BankDebitService(BankDebitRepository repo, EstateService estates,
            AllocationService allocations, AuditService audit, CurrentUser currentUser, Clock clock,
            CollectionService collection) {
        this.collection = collection;
        this.repo = repo;
        this.estates = estates;
        this.allocations = allocations;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the user keeps enrolments and debit lists (for the views). */
    public boolean canWrite() {
        return hasAnyRole(WRITERS);
    }

    public boolean canReadBatches() {
        return hasAnyRole(BATCH_READERS);
    }

    public boolean canLogCalls() {
        return hasAnyRole(CALLERS);
    }

    private boolean hasAnyRole(Role... roles) {
        for (Role r : roles) {
            if (currentUser.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    // --- enrolments -------------------------------------------------------------------------

    /**
     * Enrolments of the user's clusters, account numbers masked; {@code activeOnly} keeps those
     * valid today.
     */
    public List<Enrolment> enrolments(String text, String clusterCode, boolean activeOnly, Page page) {
        return repo.enrolments(currentUser.scope(), text, clusterCode, activeOnly ? today() : null, page);
    }

    public int countEnrolments(String text, String clusterCode, boolean activeOnly) {
        return repo.countEnrolments(currentUser.scope(), text, clusterCode, activeOnly ? today() : null);
    }

    /** The enrolment for the edit dialog: every value but the account number. */
    public Optional<EnrolmentForm> enrolmentForm(long id) {
        currentUser.require(WRITERS);
        return repo.storedEnrolment(id).map(StoredEnrolment::values).map(v -> new EnrolmentForm(
                v.ownerCode(), v.bankName(), v.accountHolder(), null, v.enrolledOn(), v.endedOn(),
                v.note()));
    }

    /**
     * Creates ({@code id} empty) or changes an enrolment, and brings the owners' auto_debit flags
     * in line. At most one enrolment per unit on any day.
     */
    @Transactional
    public Enrolment saveEnrolment(Long id, EnrolmentForm f) {
        currentUser.require(WRITERS);
        EnrolmentValues existing = id == null ? null : repo.storedEnrolment(id)
                .map(StoredEnrolment::values)
                .orElseThrow(() -> ValidationException.of("ownerCode", "validation.unknown", id));
        String accountNo = AccountNumbers.normalize(blankToNull(f.accountNo()));
        Validator v = new Validator()
                .required("ownerCode", f.ownerCode())
                .required("bankName", f.bankName()).maxLength("bankName", trim(f.bankName()), 100)
                .required("accountHolder", f.accountHolder())
                .maxLength("accountHolder", trim(f.accountHolder()), 200)
                .required("enrolledOn", f.enrolledOn())
                .maxLength("note", trim(f.note()), 1000);
        if (existing == null) {
            v.required("accountNo", accountNo);
        }
        if (accountNo != null) {
            v.check(AccountNumbers.valid(accountNo), "accountNo", "debit.validation.accountNo",
                    AccountNumbers.MIN_DIGITS, AccountNumbers.MAX_DIGITS);
        }
        if (f.enrolledOn() != null && f.endedOn() != null) {
            v.check(!f.endedOn().isBefore(f.enrolledOn()), "endedOn", "validation.toBeforeFrom");
        }
        OwnerUnit owner = null;
        if (f.ownerCode() != null && !f.ownerCode().isBlank()) {
            owner = repo.ownerUnit(f.ownerCode().trim()).orElse(null);
            v.check(owner != null, "ownerCode", "validation.unknown", f.ownerCode().trim());
        }
        if (owner != null) {
            currentUser.scope().check(owner.clusterCode());
            if (f.enrolledOn() != null && !v.hasProblems()) {
                repo.overlapping(owner.unitCode(), id, f.enrolledOn(), f.endedOn()).ifPresent(o ->
                        v.add("enrolledOn", "debit.validation.overlap", o.ownerCode(),
                                o.enrolledOn().toString(),
                                o.endedOn() == null ? "…" : o.endedOn().toString()));
            }
        }
        v.throwIfAny();
        EnrolmentValues values = new EnrolmentValues(owner.ownerCode(), owner.unitCode(),
                trim(f.bankName()), trim(f.accountHolder()),
                accountNo != null ? accountNo : existing.accountNo(), f.enrolledOn(), f.endedOn(),
                blankToNull(f.note()));
        long savedId;
        String previousOwner = null;
        if (existing == null) {
            savedId = repo.insertEnrolment(values);
        } else {
            savedId = id;
            previousOwner = existing.ownerCode();
            repo.updateEnrolment(id, values);
        }
        // the account number is personal data: the log keeps its last digits only
        audit.record(existing == null ? "create" : "update", "bank_debit_enrolment",
                Long.toString(savedId), "owner=" + values.ownerCode() + " unit=" + values.unitCode()
                        + " account=" + AccountNumbers.mask(values.accountNo()) + " from="
                        + values.enrolledOn() + " to=" + values.endedOn());
        syncAutoDebit(values.ownerCode());
        if (previousOwner != null && !previousOwner.equals(values.ownerCode())) {
            syncAutoDebit(previousOwner);
        }
        return repo.enrolment(savedId).orElseThrow();
    }

    /** owners.auto_debit = the owner has an enrolment that has not ended by today. */
    private void syncAutoDebit(String ownerCode) {
        estates.setAutoDebit(ownerCode, repo.hasEnrolmentNotEnded(ownerCode, today()));
    }

    // --- the weekly list --------------------------------------------------------------------

    /** The weekly debit list as {@link #createList} would make it on {@code listDate}. */
    public DebitListPreview previewList(LocalDate listDate) {
        currentUser.require(WRITERS);
        checkListDate(listDate);
        return preview(listDate, repo.candidates(listDate));
    }

    private DebitListPreview preview(LocalDate listDate, List<Candidate> all) {
        LocalDate monday = listDate.with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        Map<String, WaitingItem> waiting = new HashMap<>();
        for (WaitingItem w : repo.waitingItems()) {
            waiting.putIfAbsent(w.unitCode(), w);
        }
        List<DebitCandidate> units = new ArrayList<>();
        List<String> waitingForBank = new ArrayList<>();
        String conflict = null;
        for (Candidate c : all) {
            WaitingItem w = waiting.get(c.unitCode());
            if (w == null) {
                units.add(c.masked());
            } else if (!w.createdOn().isBefore(monday) && !w.createdOn().isAfter(sunday)) {
                // listed, so the preview shows what the week's list already covers
                conflict = conflict == null ? w.batchNo() : conflict;
                units.add(c.masked());
            } else {
                waitingForBank.add(c.unitCode());
            }
        }
        BigDecimal total = units.stream().map(DebitCandidate::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new DebitListPreview(listDate, monday, units, total, waitingForBank, conflict);
    }

    private void checkListDate(LocalDate listDate) {
        new Validator().required("listDate", listDate)
                .check(listDate == null || !listDate.isAfter(today()), "listDate",
                        "debit.validation.listDateFuture")
                .throwIfAny();
    }

    /**
     * Creates the week's debit list as a draft batch: one item per enrolled unit with open
     * statements on {@code listDate}, for its total outstanding. Refused while an open batch of
     * the same week (Monday to Sunday) already covers any of these units, so running it twice
     * makes no second list; units still waiting for the bank in an earlier week's batch are
     * left out.
     */
    @Transactional
    public DebitBatch createList(LocalDate listDate, String note) {
        currentUser.require(WRITERS);
        checkListDate(listDate);
        new Validator().maxLength("note", trim(note), 4000).throwIfAny();
        List<Candidate> all = repo.candidates(listDate);
        DebitListPreview p = preview(listDate, all);
        if (p.conflictingBatch() != null) {
            throw ValidationException.of("listDate", "debit.validation.weekTaken", p.conflictingBatch());
        }
        if (p.units().isEmpty()) {
            throw ValidationException.of("listDate", "debit.validation.nothingToDebit");
        }
        Set<String> included = new LinkedHashSet<>(p.units().stream().map(DebitCandidate::unitCode).toList());
        // (with no conflict, the preview's units are exactly the ones to debit)
        List<Candidate> items = all.stream().filter(c -> included.contains(c.unitCode())).toList();
        String batchNo = repo.insertBatch(listDate, blankToNull(note), items);
        audit.record("create", "bank_debit_batch", batchNo, items.size() + " units, total " + p.total()
                + ", list date " + listDate);
        log.info("Bank debit list {}: {} units, {} in total", batchNo, items.size(), p.total());
        return repo.batch(batchNo).orElseThrow();
    }

    /**
     * Withdraws a list that has not been sent to the bank: it stays for the record, debits
     * nothing, and no longer holds its units (a new list of the week may be made).
     */
    @Transactional
    public void cancelDraft(String batchNo) {
        currentUser.require(WRITERS);
        DebitBatch b = requireBatch(batchNo);
        if (!DebitBatch.DRAFT.equals(b.status())) {
            throw ValidationException.of("batchNo", "debit.validation.notDraft", batchNo);
        }
        repo.cancelBatch(batchNo, today());
        audit.record("update", "bank_debit_batch", batchNo, "cancelled, " + b.items() + " units");
    }

    public List<DebitBatch> batches(Page page) {
        currentUser.require(BATCH_READERS);
        return repo.batches(page);
    }

    public int countBatches() {
        currentUser.require(BATCH_READERS);
        return repo.countBatches();
    }

    public Optional<DebitBatch> batch(String batchNo) {
        currentUser.require(BATCH_READERS);
        return repo.batch(batchNo);
    }

    /** The batch's items by unit, account numbers masked. */
    public List<DebitItem> items(String batchNo) {
        currentUser.require(BATCH_READERS);
        return repo.batch(batchNo).map(b -> repo.items(batchNo, b.createdOn())).orElse(List.of());
    }

    private DebitBatch requireBatch(String batchNo) {
        return repo.batch(batchNo).orElseThrow(
                () -> ValidationException.of("batchNo", "validation.unknown", batchNo));
    }

    // --- the file for the bank --------------------------------------------------------------

    /** The list as CSV for the bank (see {@link BankFiles}); a draft becomes sent. */
    @Transactional
    public byte[] exportCsv(String batchNo) {
        return BankFiles.csv(exportItems(batchNo, "csv"));
    }

    /** The list as XLSX for the bank (see {@link BankFiles}); a draft becomes sent. */
    @Transactional
    public byte[] exportXlsx(String batchNo) {
        return BankFiles.xlsx(exportItems(batchNo, "xlsx"));
    }

    private List<ExportItem> exportItems(String batchNo, String format) {
        currentUser.require(WRITERS);
        DebitBatch b = requireBatch(batchNo);
        if (DebitBatch.CANCELLED.equals(b.status())) {
            throw ValidationException.of("batchNo", "debit.validation.cancelled", batchNo);
        }
        List<ExportItem> items = repo.exportItems(batchNo, b.createdOn());
        List<String> noAccount = items.stream().filter(i -> i.accountNo().isEmpty())
                .map(ExportItem::unitCode).toList();
        if (!noAccount.isEmpty()) {
            throw ValidationException.of("batchNo", "debit.validation.noAccount",
                    String.join(", ", noAccount));
        }
        if (DebitBatch.DRAFT.equals(b.status())) {
            repo.markSent(batchNo, today().isBefore(b.createdOn()) ? b.createdOn() : today());
        }
        audit.record("export", "bank_debit_batch", batchNo, format + ", " + items.size() + " units");
        return items;
    }

    // --- the bank's result file -------------------------------------------------------------

    /**
     * Applies the bank's result file to a sent batch, all or nothing: every row is checked first
     * (unknown unit, amount not the one asked for, bad date, duplicate row, unknown result, a
     * result that contradicts one stored before) and any problem refuses the whole file with
     * every problem named by file, row and column. Successful debits become payments (channel
     * bank_debit, paid on the debit date) linked from their items, and the units' allocation is
     * recomputed in the same transaction; failures keep the bank's reason. Rows whose result is
     * already stored change nothing, so importing the same file twice changes nothing.
     */
    @Transactional
    public ResultImport importResults(String batchNo, String fileName, byte[] content) {
        currentUser.require(WRITERS);
        DebitBatch batch = requireBatch(batchNo);
        if (DebitBatch.DRAFT.equals(batch.status()) || DebitBatch.CANCELLED.equals(batch.status())) {
            throw ValidationException.of("batchNo", "debit.validation.notSent", batchNo);
        }
        String name = fileName == null || fileName.isBlank() ? "result" : fileName.trim();
        String sha = sha256(content);
        if (repo.importedBefore(batchNo, sha)) {
            return new ResultImport(batchNo, name, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2),
                    batch.pending(), true);
        }
        List<FileProblem> problems = new ArrayList<>();
        ResultSheet sheet = BankFiles.read(name, content, problems);
        if (!problems.isEmpty()) {
            throw new ResultFileException(problems);
        }
        Map<String, ItemState> items = repo.itemStates(batchNo);
        List<NewResult> results = new ArrayList<>();
        int unchanged = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (ResultRow row : sheet.rows()) {
            Checked c = check(name, row, batch, items, seen, problems);
            if (c == null) {
                continue;
            }
            if (c.unchanged()) {
                unchanged++;
            } else {
                results.add(c.result());
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(FileProblem::row)
                    .thenComparingInt(p -> BankFiles.RESULT_COLUMNS.indexOf(p.column())));
            throw new ResultFileException(problems);
        }
        int succeeded = (int) results.stream().filter(r -> DebitItem.SUCCESS.equals(r.result())).count();
        int failed = results.size() - succeeded;
        BigDecimal debited = results.stream().filter(r -> DebitItem.SUCCESS.equals(r.result()))
                .map(NewResult::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        int pending = (int) items.values().stream()
                .filter(i -> DebitItem.PENDING.equals(i.result())).count() - results.size();
        if (results.isEmpty()) {
            return new ResultImport(batchNo, name, sheet.rows().size(), 0, 0, unchanged, debited,
                    pending, false);
        }
        repo.storeResults(batchNo, results, "bank debit " + batchNo);
        repo.insertImport(batchNo, truncate(name, 255), sha, sheet.rows().size(), succeeded, failed);
        if (pending == 0) {
            repo.setStatus(batchNo, DebitBatch.SETTLED);
        }
        List<String> paidUnits = results.stream().filter(r -> DebitItem.SUCCESS.equals(r.result()))
                .map(NewResult::unitCode).toList();
        if (!paidUnits.isEmpty()) {
            allocations.recompute(paidUnits);
        }
        audit.record("import", "bank_debit_batch", batchNo, name + ": " + succeeded + " debited ("
                + debited + "), " + failed + " failed, " + unchanged + " unchanged, " + pending
                + " pending");
        return new ResultImport(batchNo, name, sheet.rows().size(), succeeded, failed, unchanged,
                debited, pending, false);
    }

    /** A checked row: a new result, or one already stored exactly so. */
    private record Checked(NewResult result, boolean unchanged) {
    }

    private Checked check(String file, ResultRow row, DebitBatch batch, Map<String, ItemState> items,
            Map<String, Integer> seen, List<FileProblem> problems) {
        int before = problems.size();
        // the unit: from the reference we gave the bank, or the unit code
        String unit = null;
        String unitColumn = row.has(BankFiles.REFERENCE) ? BankFiles.REFERENCE : BankFiles.UNIT_CODE;
        if (row.has(BankFiles.REFERENCE)) {
            String ref = row.get(BankFiles.REFERENCE);
            String prefix = batch.batchNo() + "/";
            if (!ref.startsWith(prefix) || !items.containsKey(ref.substring(prefix.length()))) {
                problems.add(problem(file, row, BankFiles.REFERENCE, "debit.file.unknownReference",
                        ref, batch.batchNo()));
            } else {
                unit = ref.substring(prefix.length());
                if (row.has(BankFiles.UNIT_CODE) && !row.get(BankFiles.UNIT_CODE).equals(unit)) {
                    problems.add(problem(file, row, BankFiles.UNIT_CODE, "debit.file.unitMismatch",
                            row.get(BankFiles.UNIT_CODE), unit));
                }
            }
        } else if (row.has(BankFiles.UNIT_CODE)) {
            String code = row.get(BankFiles.UNIT_CODE);
            if (items.containsKey(code)) {
                unit = code;
            } else {
                problems.add(problem(file, row, BankFiles.UNIT_CODE, "debit.file.unknownUnit", code,
                        batch.batchNo()));
            }
        } else {
            problems.add(problem(file, row, BankFiles.REFERENCE, "validation.required"));
        }
        if (unit != null) {
            Integer first = seen.putIfAbsent(unit, row.row());
            if (first != null) {
                problems.add(problem(file, row, unitColumn, "debit.file.duplicateRow", unit,
                        String.valueOf(first)));
            }
        }
        String result = result(row.get(BankFiles.RESULT));
        if (result == null) {
            problems.add(row.has(BankFiles.RESULT)
                    ? problem(file, row, BankFiles.RESULT, "debit.file.unknownResult",
                            row.get(BankFiles.RESULT))
                    : problem(file, row, BankFiles.RESULT, "validation.required"));
        }
        LocalDate date = null;
        if (!row.has(BankFiles.DEBIT_DATE)) {
            problems.add(problem(file, row, BankFiles.DEBIT_DATE, "validation.required"));
        } else {
            date = date(row.get(BankFiles.DEBIT_DATE));
            if (date == null) {
                problems.add(problem(file, row, BankFiles.DEBIT_DATE, "debit.file.badDate",
                        row.get(BankFiles.DEBIT_DATE)));
            } else if (date.isBefore(batch.createdOn()) || date.isAfter(today())) {
                problems.add(problem(file, row, BankFiles.DEBIT_DATE, "debit.file.dateOutside",
                        date.toString(), batch.createdOn().toString(), today().toString()));
                date = null;
            }
        }
        ItemState item = unit == null ? null : items.get(unit);
        BigDecimal amount = null;
        if (result != null) {
            String text = row.get(BankFiles.AMOUNT).replace(",", "");
            BigDecimal parsed = amount(text);
            if (!text.isEmpty() && parsed == null) {
                problems.add(problem(file, row, BankFiles.AMOUNT, "debit.file.badAmount",
                        row.get(BankFiles.AMOUNT)));
            } else if (DebitItem.SUCCESS.equals(result)) {
                if (parsed == null) {
                    problems.add(problem(file, row, BankFiles.AMOUNT, "validation.required"));
                } else if (item != null && parsed.compareTo(item.amount()) != 0) {
                    problems.add(problem(file, row, BankFiles.AMOUNT, "debit.file.amountMismatch",
                            parsed.toPlainString(), item.amount().toPlainString()));
                } else {
                    amount = parsed.setScale(2);
                }
            } else if (parsed != null && parsed.signum() != 0) {
                problems.add(problem(file, row, BankFiles.AMOUNT, "debit.file.failedWithAmount",
                        parsed.toPlainString()));
            }
        }
        String reason = blankToNull(row.get(BankFiles.FAILURE_REASON));
        if (DebitItem.FAILED.equals(result)) {
            if (reason == null) {
                problems.add(problem(file, row, BankFiles.FAILURE_REASON, "debit.file.reasonRequired"));
            } else if (reason.length() > 500) {
                problems.add(problem(file, row, BankFiles.FAILURE_REASON, "validation.tooLong", 500));
            }
        } else {
            reason = null;
        }
        if (problems.size() > before || item == null) {
            return null;
        }
        NewResult r = new NewResult(unit, result, date, amount, reason);
        if (!DebitItem.PENDING.equals(item.result())) {
            boolean same = item.result().equals(result) && date.equals(item.resultOn())
                    && Objects.equals(reason, item.failureReason());
            if (!same) {
                problems.add(problem(file, row, BankFiles.RESULT, "debit.file.alreadyImported",
                        item.result(), String.valueOf(item.resultOn())));
                return null;
            }
            return new Checked(r, true);
        }
        return new Checked(r, false);
    }

    private static FileProblem problem(String file, ResultRow row, String column, String key,
            Object... args) {
        return new FileProblem(file, row.row(), column, key, List.of(args));
    }

    /** The result as the bank writes it, or null when not recognised. */
    static String result(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "success", "succeeded", "ok", "成功", "扣款成功" -> DebitItem.SUCCESS;
            case "failed", "failure", "fail", "失败", "失敗", "扣款失败", "扣款失敗" -> DebitItem.FAILED;
            default -> null;
        };
    }

    static LocalDate date(String text) {
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(text.trim(), f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** A positive or zero amount with at most 2 decimals, else null. */
    static BigDecimal amount(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal a = new BigDecimal(text);
            return a.signum() < 0 || a.stripTrailingZeros().scale() > 2 ? null : a;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- failed debits: the butler's call list ----------------------------------------------

    /**
     * Failed debits of the user's clusters still to be phoned about (the butler agenda reuses
     * this): per unit its latest debit result when that is a failure and no collection action
     * of the unit is dated on or after the result day; with the bank's reason, the owner's phone
     * and the amount. {@code clusterCode} narrows to one cluster (optional).
     */
    public List<FailedDebit> failedDebitsToCall(String clusterCode) {
        return repo.failedDebitsToCall(currentUser.scope(), clusterCode).stream()
                .map(f -> new FailedDebit(f.batchNo(), f.unitCode(), f.clusterCode(), f.ownerName(),
                        currentUser.phone(f.phone()), f.amount(), f.failureReason(), f.resultOn()))
                .toList();
    }

    /**
     * Logs the call about a failed debit in the collection log (method phone, today, the note
     * with the bank's reason), which takes the unit off the call list.
     */
    @Transactional
    public String logCall(CallLog call) {
        currentUser.require(CALLERS);
        Validator v = new Validator().required("batchNo", call.batchNo())
                .required("unitCode", call.unitCode())
                .required("note", call.note()).maxLength("note", trim(call.note()), 9000);
        v.throwIfAny();
        ItemState item = repo.item(call.batchNo(), call.unitCode())
                .filter(i -> DebitItem.FAILED.equals(i.result()))
                .orElseThrow(() -> ValidationException.of("unitCode", "debit.validation.notFailed",
                        call.unitCode(), call.batchNo()));
        currentUser.scope().check(repo.clusterOfUnit(item.unitCode()).orElse(null));
        LocalDate today = today();
        if (call.promisedOn() != null && call.promisedOn().isBefore(today)) {
            throw ValidationException.of("promisedOn", "debit.validation.promiseInPast");
        }
        String note = call.note().trim();
        String reason = item.failureReason();
        if (reason != null && !note.contains(reason)) {
            note = "[" + reason + "] " + note;
        }
        // the call goes into the collection log (物管费催收记录表) like any other
        String actionNo = collection.log(new NewCollectionAction(item.unitCode(), today, "phone",
                null, call.promisedOn(), note, null, null)).actionNo();
        audit.record("update", "bank_debit_item", call.batchNo() + "/" + item.unitCode(),
                "failed debit followed by collection action " + actionNo);
        return actionNo;
    }

    // --- helpers ----------------------------------------------------------------------------

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
