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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Quotes and records settlements; recording locks the person's accumulator row for the year. */
@ApplicationScoped
public class SettlementService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SettlementEngine engine = new SettlementEngine();
    private final PolicyService policies;
    private final CatalogService catalogs;
    private final InstitutionRepository institutions;
    private final AccumulatorStore accumulators;
    private final Audit audit;

    public SettlementService(PolicyService policies, CatalogService catalogs, InstitutionRepository institutions,
                             AccumulatorStore accumulators, Audit audit) {
        this.policies = policies;
        this.catalogs = catalogs;
        this.institutions = institutions;
        this.accumulators = accumulators;
        this.audit = audit;
    }

    BillContext context() {
        return new BillContext(policies, catalogs, institutions);
    }

    public SettlementView quote(BillRequest request, SettlementAccess access) {
        return quote(request, access, context(), null);
    }

    /** Settles against the stored accumulators, or against {@code carried} ones a batch holds in memory. */
    SettlementView quote(BillRequest request, SettlementAccess access, BillContext context, YearlyAccumulators carried) {
        requireAccess(request, access);
        Bill bill = bill(request, context);
        int year = bill.visit().date().getYear();
        Account account = new Account(bill.insured().homeRegion(), bill.insured().personId());
        Accumulators before = carried == null ? accumulators.read(account, year) : carried.get(account.key(), year);
        Settlement settlement = settle(bill, context, before);
        if (carried != null) {
            carried.put(account.key(), year, settlement.after());
        }
        return view(null, request, settlement, access);
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

        SettlementRecord record = new SettlementRecord();
        record.id = UUID.randomUUID();
        record.billId = request.billId();
        record.personId = person;
        record.homeRegion = bill.insured().homeRegion();
        record.treatmentRegion = bill.visit().treatmentRegion();
        record.institutionCode = bill.visit().institutionCode();
        record.visitDate = bill.visit().date();
        record.total = settlement.total();
        record.patientPays = settlement.patientPays();
        record.result = settlement;
        record.createdAt = Instant.now();
        record.createdBy = access.username();
        record.persist();
        // Figures only: the person id stays out of the audit summary.
        audit.record(actor, "settlement.recorded", "settlement", record.id.toString(),
                List.of(record.homeRegion, record.treatmentRegion).stream().distinct().toList(),
                Map.of("institution", record.institutionCode, "total", settlement.total(),
                        "basicFund", settlement.basicFund(), "fallback", settlement.fallback()));
        return view(record.id, request, settlement, access);
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
        SettlementView view = SettlementView.of(record);
        return access.coversHome(record.homeRegion) ? view : view.withoutAccumulators();
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
        SettlementView view = SettlementView.of(id, request.billId(), request.insured().personId(),
                request.insured().homeRegion(), request.visit().treatmentRegion(), request.visit().institutionCode(),
                request.visit().date(), settlement);
        return access.coversHome(request.insured().homeRegion()) ? view : view.withoutAccumulators();
    }

    static ProblemException problem(BillException e) {
        return new ProblemException(Problem.of(e.status(), e.slug(), e.status() == 400 ? "Invalid bill" : "Bill cannot be settled",
                e.getMessage()));
    }
}
