package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.contracts.healthcare.SettlementChanged;
import org.xietong.healthcare.registry.CrossRegionArrangement;
import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.CrossRegionKind;
import org.xietong.healthcare.settlement.engine.VisitKind;
import org.xietong.healthcare.settlement.engine.Reversal;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.healthcare.settlement.engine.SettlementEngine;
import org.xietong.healthcare.settlement.engine.YearlyAccumulators;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Quotes and records settlements; recording locks the person's accumulator row for the year. */
@ApplicationScoped
public class SettlementService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The audit trail's entity for quotes: an insured person, by {@code homeRegion:personId}. */
    static final String QUOTED_PERSON = "insured-person";

    private final SettlementEngine engine = new SettlementEngine();
    private final SettlementPolicyService policies;
    private final CatalogService catalogs;
    private final InstitutionRepository institutions;
    private final AccumulatorStore accumulators;
    private final Audit audit;
    private final QuoteLimiter limiter;
    private final Outbox outbox;

    public SettlementService(SettlementPolicyService policies, CatalogService catalogs, InstitutionRepository institutions,
                             AccumulatorStore accumulators, Audit audit, QuoteLimiter limiter, Outbox outbox) {
        this.outbox = outbox;
        this.policies = policies;
        this.catalogs = catalogs;
        this.institutions = institutions;
        this.accumulators = accumulators;
        this.audit = audit;
        this.limiter = limiter;
    }

    BillContext context() {
        return new BillContext(policies, catalogs, institutions);
    }

    @Transactional
    public SettlementView quote(BillRequest request, SettlementAccess access, Actor actor) {
        return quote(request, access, actor, context(), null, null);
    }

    /**
     * Settles against the stored accumulators, or against {@code carried} ones a batch holds in memory. Each new
     * person counts against the caller's quote limit, and the quote is audited (who quoted whose bill, no figures):
     * once per person in a batch, whose {@code audited} set remembers them (null for a single quote).
     */
    SettlementView quote(BillRequest request, SettlementAccess access, Actor actor, BillContext context,
                         YearlyAccumulators carried, Set<String> audited) {
        requireAccess(request, access);
        Bill bill = bill(request, context);
        int year = bill.visit().date().getYear();
        Account account = new Account(bill.insured().homeRegion(), bill.insured().personId());
        limiter.admit(actor.subject(), account);
        Accumulators before = carried == null ? accumulators.read(account, year) : carried.get(account.key(), year);
        Settlement settlement = settle(bill, context, before);
        if (audited == null || audited.add(account.key())) {
            auditQuote(actor, request, account, audited != null);
        }
        if (carried != null) {
            carried.put(account.key(), year, settlement.after());
        }
        return view(null, request, settlement, access);
    }

    private void auditQuote(Actor actor, BillRequest request, Account account, boolean batch) {
        Map<String, Object> summary = new HashMap<>();
        summary.put("treatmentRegion", request.visit().treatmentRegion());
        summary.put("institution", request.visit().institutionCode());
        summary.put("visitDate", request.visit().date().toString());
        summary.put("batch", batch);
        if (request.billId() != null) {
            summary.put("billId", request.billId());
        }
        audit.record(actor, "settlement.quoted", QUOTED_PERSON, account.key(),
                List.of(account.homeRegion(), request.visit().treatmentRegion()).stream().distinct().toList(), summary);
    }

    @Transactional
    public SettlementView record(BillRequest request, SettlementAccess access, Actor actor) {
        return record(request, access, actor, context());
    }

    /** A refused bill leaves the transaction usable: a batch records its other bills in the same one. */
    @Transactional(dontRollbackOn = {BillException.class, ProblemException.class})
    SettlementView record(BillRequest request, SettlementAccess access, Actor actor, BillContext context) {
        requireAccess(request, access);
        if (request.billId() != null) {
            SettlementRecord earlier = SettlementRecord.find("createdBy = ?1 and billId = ?2 and status = ?3",
                    access.username(), request.billId(), SettlementStatus.SETTLED).firstResult();
            if (earlier != null) {
                return view(earlier, access);
            }
        }
        Bill bill = bill(request, context);
        int year = bill.visit().date().getYear();
        String person = bill.insured().personId();
        Account account = new Account(bill.insured().homeRegion(), person);
        Accumulators before = accumulators.lock(account, year);
        Settlement settlement = settle(bill, context, before);
        accumulators.write(account, year, settlement.after());

        SettlementRecord record = newRecord(request, bill, settlement, access);
        record.persist();
        publishRecorded(record);
        // Figures only: the person id stays out of the audit summary.
        audit.record(actor, "settlement.recorded", "settlement", record.id.toString(),
                List.of(record.homeRegion, record.treatmentRegion).stream().distinct().toList(),
                Map.of("institution", record.institutionCode, "total", settlement.total(),
                        "basicFund", settlement.basicFund(), "fallback", settlement.fallback()));
        return view(record.id, request, settlement, access);
    }

    /** One bill's outcome in a recorded chunk: its settlement, or the problem that refused it. */
    record Outcome(SettlementView settlement, Problem problem) {
    }

    /**
     * Records a chunk of a batch in the caller's transaction with a handful of statements: earlier recordings of
     * the same bill ids in one query, every person's yearly row locked in two, the bills settled in order in memory,
     * the rows written back in one, and one audit entry for the chunk. A refused bill does not stop the others.
     */
    @Transactional(dontRollbackOn = {BillException.class, ProblemException.class})
    List<Outcome> recordChunk(List<BillRequest> requests, SettlementAccess access, Actor actor, BillContext context) {
        Outcome[] outcomes = new Outcome[requests.size()];
        Map<String, SettlementRecord> earlier = new HashMap<>();
        List<String> billIds = requests.stream().map(BillRequest::billId).filter(Objects::nonNull).distinct().toList();
        if (!billIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<SettlementRecord> found = SettlementRecord.getEntityManager().createNativeQuery(
                            "SELECT * FROM settlement WHERE created_by = ?1 AND bill_id = ANY(?2) AND status = 'SETTLED'", SettlementRecord.class)
                    .setParameter(1, access.username()).setParameter(2, billIds.toArray(String[]::new)).getResultList();
            found.forEach(r -> earlier.put(r.billId, r));
        }
        Bill[] bills = new Bill[requests.size()];
        requests.stream().filter(r -> r.insured() != null && r.insured().personId() != null
                        && RegionCode.isValid(r.insured().homeRegion()))
                .collect(Collectors.groupingBy(r -> r.insured().homeRegion(),
                        Collectors.mapping(r -> r.insured().personId(), Collectors.toSet())))
                .forEach(context::prefetch);
        Map<String, Integer> firstInChunk = new HashMap<>();
        List<AccumulatorStore.Key> keys = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            BillRequest request = requests.get(i);
            try {
                requireAccess(request, access);
                if (request.billId() != null && earlier.containsKey(request.billId())) {
                    outcomes[i] = new Outcome(view(earlier.get(request.billId()), access), null);
                    continue;
                }
                Integer first = request.billId() == null ? null : firstInChunk.putIfAbsent(request.billId(), i);
                if (first != null) {
                    throw ProblemException.conflict("duplicate-bill", "Bill " + request.billId()
                            + " appears twice in the batch");
                }
                bills[i] = bill(request, context);
                keys.add(key(bills[i]));
            } catch (BillException e) {
                outcomes[i] = new Outcome(null, problem(e).problem());
            } catch (ProblemException e) {
                outcomes[i] = new Outcome(null, e.problem());
            }
        }
        Map<AccumulatorStore.Key, Accumulators> rows = accumulators.lockAll(keys);
        Map<AccumulatorStore.Key, Accumulators> changed = new HashMap<>();
        List<String> recorded = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        for (int i = 0; i < requests.size(); i++) {
            if (bills[i] == null) {
                continue;
            }
            AccumulatorStore.Key key = key(bills[i]);
            try {
                Settlement settlement = settle(bills[i], context, rows.get(key));
                rows.put(key, settlement.after());
                changed.put(key, settlement.after());
                SettlementRecord record = newRecord(requests.get(i), bills[i], settlement, access);
                record.persist();
                publishRecorded(record);
                recorded.add(record.id.toString());
                regions.add(record.homeRegion);
                regions.add(record.treatmentRegion);
                outcomes[i] = new Outcome(view(record.id, requests.get(i), settlement, access), null);
            } catch (BillException e) {
                outcomes[i] = new Outcome(null, problem(e).problem());
            }
        }
        accumulators.writeAll(changed);
        if (!recorded.isEmpty()) {
            audit.record(actor, "settlement.batch-recorded", "settlement", recorded.get(0), regions,
                    Map.of("settlements", recorded));
        }
        return List.of(outcomes);
    }

    private static AccumulatorStore.Key key(Bill bill) {
        return new AccumulatorStore.Key(new Account(bill.insured().homeRegion(), bill.insured().personId()),
                bill.visit().date().getYear());
    }

    private static SettlementRecord newRecord(BillRequest request, Bill bill, Settlement settlement,
                                              SettlementAccess access) {
        return newRecord(request.billId(), bill, settlement, access.username());
    }

    private static SettlementRecord newRecord(String billId, Bill bill, Settlement settlement, String createdBy) {
        SettlementRecord record = new SettlementRecord();
        record.id = UUID.randomUUID();
        record.billId = billId;
        record.personId = bill.insured().personId();
        record.homeRegion = bill.insured().homeRegion();
        record.treatmentRegion = bill.visit().treatmentRegion();
        record.institutionCode = bill.visit().institutionCode();
        record.visitDate = bill.visit().date();
        record.total = settlement.total();
        record.patientPays = settlement.patientPays();
        record.basicFund = settlement.basicFund();
        record.seriousIllness = settlement.seriousIllness();
        record.medicalAssistance = settlement.medicalAssistance();
        record.fallback = settlement.fallback();
        record.bill = bill;
        record.result = settlement;
        record.createdBy = createdBy;
        return record;
    }

    public SettlementView get(UUID id, SettlementAccess access) {
        return view(visible(id, access), access);
    }

    public long version(UUID id, SettlementAccess access) {
        return visible(id, access).version;
    }

    private static SettlementRecord visible(UUID id, SettlementAccess access) {
        SettlementRecord record = SettlementRecord.findById(id);
        boolean visible = record != null && access.covers(record.homeRegion, record.treatmentRegion, record.institutionCode);
        if (!visible) {
            throw ProblemException.notFound("Settlement " + id);
        }
        return record;
    }

    /** A reversal's outcome: the reversed settlement, and the later bills settled again that the caller may see. */
    @Schema(name = "SettlementReversal")
    public record ReversalView(SettlementView reversed, List<SettlementView> resettled) {
    }

    /**
     * Reverses (冲正) a recorded settlement with a reason: the person's year row is locked, the later bills of the year
     * settle again in recorded order from the accumulators the reversed bill started with (each as a new row that
     * replaces its old one), and the year row ends where settling only the surviving bills leaves it. Each change is
     * audited and published. The sender may then record the corrected bill, under the same bill id.
     */
    @Transactional
    public ReversalView reverse(UUID id, String reason, String ifMatch, SettlementAccess access, Actor actor) {
        SettlementRecord target = visible(id, access);
        Versions.requireMatch(ifMatch, target.version);
        if (target.status != SettlementStatus.SETTLED) {
            throw ProblemException.conflict("already-reversed", "Already reversed", "Settlement " + id
                    + " was reversed on " + target.reversedAt + "; record the corrected bill instead");
        }
        int year = target.visitDate.getYear();
        Account account = new Account(target.homeRegion, target.personId);
        accumulators.lock(account, year);
        List<SettlementRecord> recorded = SettlementRecord.list("homeRegion = ?1 and personId = ?2 and visitDate >= ?3 "
                        + "and visitDate <= ?4 and status = ?5 order by recordedSeq", target.homeRegion, target.personId,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), SettlementStatus.SETTLED);
        boolean later = false;
        for (SettlementRecord r : recorded) {
            if (later && r.bill == null) {
                throw ProblemException.conflict("not-resettleable", "Cannot settle later bills again",
                        "A later bill of the same person and year was recorded before bills were kept for settling "
                                + "again, so reversing settlement " + id + " would leave it settled against sums that "
                                + "no longer hold; reverse the later bills first");
            }
            later |= r.id.equals(id);
        }
        BillContext context = context();
        Reversal.Outcome<UUID> outcome;
        try {
            outcome = Reversal.reverse(recorded.stream().map(r -> new Reversal.Recorded<>(r.id, r.bill, r.result))
                    .toList(), id, (bill, before) -> settle(bill, context, before));
        } catch (BillException e) {
            throw ProblemException.conflict("not-resettleable", "Cannot settle later bills again", "Reversing "
                    + "settlement " + id + " means settling the person's later bills of " + year + " again, and one "
                    + "of them can no longer be settled: " + e.getMessage());
        }
        Instant now = Instant.now();
        markReversed(target, reason, access.username(), now);
        Map<UUID, SettlementRecord> byId = new HashMap<>();
        recorded.forEach(r -> byId.put(r.id, r));
        List<SettlementRecord> replacements = new ArrayList<>();
        for (Reversal.Resettled<UUID> again : outcome.resettled()) {
            SettlementRecord old = byId.get(again.supersedes());
            markReversed(old, "settled again after the reversal of settlement " + id, access.username(), now);
            SettlementRecord replacement = newRecord(old.billId, again.bill(), again.result(), old.createdBy);
            replacement.replaces = old.id;
            replacements.add(replacement);
        }
        // The old rows leave the one-settled-row-per-bill-id index before their replacements enter it.
        SettlementRecord.flush();
        replacements.forEach(r -> r.persist());
        accumulators.write(account, year, outcome.restored());

        publish(target, SettlementChanged.REVERSED, reason, now);
        for (SettlementRecord replacement : replacements) {
            publish(byId.get(replacement.replaces), SettlementChanged.REVERSED, byId.get(replacement.replaces).reversalReason, now);
            publish(replacement, SettlementChanged.RESETTLED, null, now);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reason", reason);
        summary.put("resettled", replacements.stream().map(r -> r.replaces + " → " + r.id).toList());
        audit.record(actor, "settlement.reversed", "settlement", id.toString(),
                List.of(target.homeRegion, target.treatmentRegion).stream().distinct().toList(), summary);
        return new ReversalView(view(target, access), replacements.stream()
                .filter(r -> access.covers(r.homeRegion, r.treatmentRegion, r.institutionCode))
                .map(r -> view(r, access)).toList());
    }

    private static void markReversed(SettlementRecord record, String reason, String by, Instant at) {
        record.status = SettlementStatus.REVERSED;
        record.reversalReason = reason;
        record.reversedBy = by;
        record.reversedAt = at;
    }

    /** A recorded bill is the home side's to reimburse: published to the home region alone. */
    private void publishRecorded(SettlementRecord r) {
        outbox.record(SettlementChanged.RECORDED, r.id.toString(), List.of(r.homeRegion), changed(r, null, Instant.now()));
    }

    private void publish(SettlementRecord r, String type, String reason, Instant at) {
        outbox.record(type, r.id.toString(), List.of(r.homeRegion, r.treatmentRegion).stream().distinct().toList(),
                changed(r, reason, at));
    }

    private static SettlementChanged changed(SettlementRecord r, String reason, Instant at) {
        return new SettlementChanged(r.id.toString(), r.billId, r.homeRegion, r.treatmentRegion, r.institutionCode,
                r.visitDate, r.status.name(), r.total, r.basicFund, r.seriousIllness, r.medicalAssistance,
                r.fallback, r.patientPays, reason, r.replaces == null ? null : r.replaces.toString(), at);
    }

    private static SettlementView view(SettlementRecord record, SettlementAccess access) {
        return SettlementView.of(record, access.coversHome(record.homeRegion));
    }

    private Settlement settle(Bill bill, BillContext context, Accumulators before) {
        LocalDate day = bill.visit().date();
        return engine.settle(bill, context.policy(bill.insured().homeRegion(), day),
                code -> context.item(bill.visit().treatmentRegion(), code, day), before, LocalDate.now(CHINA));
    }

    /**
     * The engine's bill: the institution's tier from its registry, the cross-region kind from the home region's
     * filings, and a SPECIAL_CHRONIC visit only with a certification valid on the visit day.
     */
    private static Bill bill(BillRequest request, BillContext context) {
        BillRequest.VisitPart visit = request.visit();
        int tier = context.institution(visit.institutionCode(), visit.treatmentRegion()).level.tier();
        String home = request.insured().homeRegion();
        if (!RegionCode.isValid(home) || !RegionCode.isValid(visit.treatmentRegion()) || visit.date() == null) {
            return request.toBill(tier, visit.crossRegionKind()); // the engine says what is wrong with the bill
        }
        Account account = new Account(home, request.insured().personId());
        boolean filingsDecide = !SettlementEngine.samePoolingArea(home, visit.treatmentRegion())
                && visit.crossRegionKind() != CrossRegionKind.LOCAL && visit.crossRegionKind() != CrossRegionKind.EMERGENCY;
        CrossRegionKind kind = CrossRegionArrangement.decide(home, visit.treatmentRegion(), visit.date(),
                visit.crossRegionKind(), filingsDecide ? context.filings(account) : List.of());
        if (visit.kind() == VisitKind.SPECIAL_CHRONIC
                && context.certifications(account).stream().noneMatch(c -> c.validOn(visit.date()))) {
            throw BillException.unanswerable("no-chronic-certification", "A SPECIAL_CHRONIC (门诊慢特病) bill needs a "
                    + "certification of the person by the home region " + home + " valid on " + visit.date()
                    + "; none is on file. The home insurer certifies first (POST /api/v1/healthcare/chronic-certifications)");
        }
        return request.toBill(tier, kind);
    }

    private static void requireAccess(BillRequest request, SettlementAccess access) {
        if (!access.covers(request.insured().homeRegion(), request.visit().treatmentRegion(),
                request.visit().institutionCode())) {
            throw ProblemException.forbidden("A bill insured in " + request.insured().homeRegion() + " and treated in "
                    + request.visit().treatmentRegion() + " at " + request.visit().institutionCode()
                    + " is outside your scope");
        }
    }

    /** A person's yearly accumulators (which tell, say, that they receive assistance) only for their home side. */
    private static SettlementView view(UUID id, BillRequest request, Settlement settlement, SettlementAccess access) {
        return SettlementView.of(id, request.billId(), request.insured().personId(), request.insured().homeRegion(),
                request.visit().treatmentRegion(), request.visit().institutionCode(), request.visit().date(),
                settlement, access.coversHome(request.insured().homeRegion()));
    }

    static ProblemException problem(BillException e) {
        return new ProblemException(Problem.of(e.status(), e.slug(), e.status() == 400 ? "Invalid bill" : "Bill cannot be settled",
                e.getMessage()));
    }
}
