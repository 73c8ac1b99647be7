package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.healthcare.settlement.engine.BillException;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.healthcare.settlement.engine.SettlementEngine;
import org.xietong.healthcare.settlement.engine.YearlyAccumulators;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Actor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

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

    public SettlementService(SettlementPolicyService policies, CatalogService catalogs, InstitutionRepository institutions,
                             AccumulatorStore accumulators, Audit audit, QuoteLimiter limiter) {
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
            SettlementRecord earlier = SettlementRecord.find("createdBy = ?1 and billId = ?2", access.username(),
                    request.billId()).firstResult();
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
                            "SELECT * FROM settlement WHERE created_by = ?1 AND bill_id = ANY(?2)", SettlementRecord.class)
                    .setParameter(1, access.username()).setParameter(2, billIds.toArray(String[]::new)).getResultList();
            found.forEach(r -> earlier.put(r.billId, r));
        }
        Bill[] bills = new Bill[requests.size()];
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
        SettlementRecord record = new SettlementRecord();
        record.id = UUID.randomUUID();
        record.billId = request.billId();
        record.personId = bill.insured().personId();
        record.homeRegion = bill.insured().homeRegion();
        record.treatmentRegion = bill.visit().treatmentRegion();
        record.institutionCode = bill.visit().institutionCode();
        record.visitDate = bill.visit().date();
        record.total = settlement.total();
        record.patientPays = settlement.patientPays();
        record.result = settlement;
        record.createdBy = access.username();
        return record;
    }

    public SettlementView get(UUID id, SettlementAccess access) {
        SettlementRecord record = SettlementRecord.findById(id);
        boolean visible = record != null && access.covers(record.homeRegion, record.treatmentRegion, record.institutionCode);
        if (!visible) {
            throw ProblemException.notFound("Settlement " + id);
        }
        return view(record, access);
    }

    private static SettlementView view(SettlementRecord record, SettlementAccess access) {
        return SettlementView.of(record, access.coversHome(record.homeRegion));
    }

    private Settlement settle(Bill bill, BillContext context, Accumulators before) {
        return engine.settle(bill, context.policy(bill.insured().homeRegion()),
                code -> context.item(bill.visit().treatmentRegion(), code), before, LocalDate.now(CHINA));
    }

    private static Bill bill(BillRequest request, BillContext context) {
        int tier = context.institution(request.visit().institutionCode(), request.visit().treatmentRegion()).level.tier();
        return request.toBill(tier);
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
