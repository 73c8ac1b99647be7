package org.xietong.healthcare.ltc;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.contracts.healthcare.LtcRequestChanged;
import org.xietong.healthcare.institution.Capability;
import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.privacy.ResidentIds;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.rules.RuleVersions;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * 评估结论互认: the home insurer asks for an assessment where the insured person lives; an accredited assessor
 * there records the result; an agreement between the two regions recognises it automatically, otherwise the home
 * insurer decides. Recognition sets the monthly benefit from the home region's policy. Every step is an event
 * both regions see.
 */
@ApplicationScoped
public class LtcService {

    /** The SLA from request to decision (two weeks, as the Chongqing–Beijing case took by hand). */
    static final Duration SLA = Duration.ofDays(14);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String INSURANCE_OFFICER = "insurance-officer";
    static final String ASSESSOR = "ltc-assessor";

    public record RequestView(UUID id, String personRef, String homeRegion, String residenceRegion,
                              String assessorInstitution, String routing, LtcRequest.Status status, Integer dailyLiving,
                              Integer cognition, Integer perception, Integer grade, LtcRequest.Recognition recognition,
                              String decisionReason, BigDecimal monthlyBenefit, Instant requestedAt, Instant dueAt,
                              boolean overdue, long version) {

        static RequestView of(LtcRequest r) {
            boolean open = r.status == LtcRequest.Status.REQUESTED || r.status == LtcRequest.Status.ASSESSED;
            return new RequestView(r.id, r.personRef, r.homeRegion, r.residenceRegion, r.assessorInstitution, r.routing,
                    r.status, r.dailyLiving, r.cognition, r.perception, r.grade, r.recognition, r.decisionReason,
                    r.monthlyBenefit, r.requestedAt, r.dueAt, open && Instant.now().isAfter(r.dueAt), r.version);
        }
    }

    public record AgreementView(UUID id, String homeRegion, String residenceRegion, boolean mutual, String standard,
                                LocalDate validFrom, LocalDate validTo) {

        static AgreementView of(LtcAgreement a) {
            return new AgreementView(a.id, a.homeRegion, a.residenceRegion, a.mutual, a.standard, a.validFrom, a.validTo);
        }
    }

    private final InstitutionRepository institutions;
    private final Caller caller;
    private final Outbox outbox;
    private final Audit audit;
    private final EntityManager em;

    public LtcService(InstitutionRepository institutions, Caller caller, Outbox outbox, Audit audit, EntityManager em) {
        this.institutions = institutions;
        this.caller = caller;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public AgreementView agree(LtcRequests.Agreement request) {
        requireInsurer(request.homeRegion());
        if (request.mutual()) {
            // Both ways binds the other region's fund too: only someone answering for both may agree to that.
            caller.scope().requireWritable(caller.scope().covers(request.residenceRegion()), "region "
                    + request.residenceRegion() + " (a mutual agreement needs both insurers; record one each way)");
        }
        if (request.homeRegion().equals(request.residenceRegion())) {
            throw invalid("An agreement is between two different regions");
        }
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw invalid("validTo must not be before validFrom");
        }
        LtcAgreement agreement = new LtcAgreement();
        agreement.id = UUID.randomUUID();
        agreement.homeRegion = request.homeRegion();
        agreement.residenceRegion = request.residenceRegion();
        agreement.mutual = request.mutual();
        agreement.standard = request.standard() == null ? "NATIONAL_2021" : request.standard();
        agreement.validFrom = request.validFrom();
        agreement.validTo = request.validTo();
        agreement.createdBy = caller.username();
        agreement.persist();
        audit.record(caller.actor(), "ltc-agreement.created", "ltc-agreement", agreement.id.toString(),
                List.of(agreement.homeRegion, agreement.residenceRegion), Map.of("mutual", agreement.mutual,
                        "validFrom", agreement.validFrom.toString()));
        return AgreementView.of(agreement);
    }

    public List<AgreementView> agreements() {
        RegionScope scope = caller.scope();
        return LtcAgreement.<LtcAgreement>listAll(Sort.by("createdAt")).stream()
                .filter(a -> scope.covers(a.homeRegion) || scope.covers(a.residenceRegion))
                .map(AgreementView::of).toList();
    }

    /**
     * Sets a version of the region's benefit table beginning on {@code validFrom} (default: today, or since ever for
     * a region's first table), replacing a version beginning that day. A version may not begin before a day on which
     * a request of the region was already recognised under the table then in force.
     */
    @Transactional
    public Map<Integer, BigDecimal> setBenefits(String regionCode, LtcRequests.Benefits request, LocalDate validFrom) {
        requireInsurer(regionCode);
        List<LocalDate> versions = LtcBenefit.<LtcBenefit>list("regionCode", regionCode).stream()
                .map(b -> b.validFrom).distinct().toList();
        LocalDate start = RuleVersions.start(validFrom, versions, LocalDate.now(CHINA),
                day -> LtcRequest.count("homeRegion like ?1 and status = ?2 and decidedAt >= ?3",
                        RegionCode.scopePrefix(regionCode) + "%", LtcRequest.Status.RECOGNISED,
                        day.atStartOfDay(CHINA).toInstant()) > 0,
                "The LTC benefits of " + regionCode);
        LtcBenefit.delete("regionCode = ?1 and validFrom = ?2", regionCode, start);
        request.monthlyByGrade().forEach((grade, amount) -> {
            LtcBenefit benefit = new LtcBenefit();
            benefit.regionCode = regionCode;
            benefit.grade = grade;
            benefit.validFrom = start;
            benefit.monthlyAmount = amount.setScale(2, RoundingMode.HALF_UP);
            benefit.persist();
        });
        audit.record(caller.actor(), "ltc-benefits.set", "ltc-benefit", regionCode, List.of(regionCode),
                Map.of("monthlyByGrade", request.monthlyByGrade(), "validFrom", start.toString()));
        return benefits(regionCode, start);
    }

    /**
     * The benefits in force for a region on a day (null: today): its own table, else its city's, else its
     * province's.
     */
    public Map<Integer, BigDecimal> benefits(String regionCode, LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(CHINA) : on;
        for (String code : Stream.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")
                .distinct().toList()) {
            List<LtcBenefit> rows = LtcBenefit.list("regionCode", Sort.by("grade"), code);
            Optional<LocalDate> inForce = RuleVersions.inForce(rows.stream().map(b -> b.validFrom).distinct().toList(),
                    d -> d, day);
            if (inForce.isPresent()) {
                Map<Integer, BigDecimal> byGrade = new LinkedHashMap<>();
                rows.stream().filter(row -> row.validFrom.equals(inForce.get()))
                        .forEach(row -> byGrade.put(row.grade, row.monthlyAmount));
                return byGrade;
            }
        }
        return Map.of();
    }

    @Transactional
    public RequestView request(LtcRequests.Assessment request) {
        // The reference travels to the assessor's region and into events: a resident ID must never be one.
        if (ResidentIds.looksLikeOne(request.personRef())) {
            throw ProblemException.unprocessable("person-ref-is-resident-id", "personRef is a resident ID",
                    "personRef has the shape of a resident ID number (18 or 15 digits); send the home insurer's "
                            + "opaque reference for the person instead");
        }
        RegionScope scope = caller.scope();
        boolean allowed = (caller.hasRole(INSURANCE_OFFICER) || caller.hasRole("partner-system")
                || caller.hasRole(Caller.PLATFORM_ADMIN)) && scope.covers(request.homeRegion());
        scope.requireWritable(allowed, "insured region " + request.homeRegion());
        List<AssessorRouting.Assessor> candidates = institutions
                .withCapability(RegionCode.poolingPrefix(request.residenceRegion()), Capability.LTC_ASSESSOR).stream()
                .map(i -> new AssessorRouting.Assessor(i.code, i.regionCode, i.latitude, i.longitude)).toList();
        AssessorRouting.Choice choice = AssessorRouting.route(request.residenceRegion(), request.residenceLatitude(),
                request.residenceLongitude(), candidates).orElseThrow(() -> ProblemException.unprocessable(
                "no-assessor", "No accredited assessor", "Neither district " + request.residenceRegion()
                        + " nor its city has an institution accredited for LTC assessment"));
        LtcRequest r = new LtcRequest();
        r.id = UUID.randomUUID();
        r.personRef = request.personRef();
        r.homeRegion = request.homeRegion();
        r.residenceRegion = request.residenceRegion();
        r.assessorInstitution = choice.assessor().code();
        r.routing = choice.reason();
        r.status = LtcRequest.Status.REQUESTED;
        r.requestedBy = caller.username();
        r.requestedAt = Instant.now();
        r.dueAt = r.requestedAt.plus(SLA);
        r.persist();
        publish(r, LtcRequestChanged.REQUESTED, Map.of("assessor", r.assessorInstitution, "routing", r.routing));
        return RequestView.of(r);
    }

    /**
     * Only the assigned assessor institution's assessors record the result: the first assessment, or the
     * re-assessment (复评) the home insurer asked for.
     */
    @Transactional
    public RequestView assess(UUID id, String ifMatch, LtcRequests.Result result) {
        LtcRequest r = readable(id);
        Institution assigned = requireAssessor(r);
        checkVersion(r, ifMatch);
        require(r, LtcRequest.Status.REQUESTED, "assessed");
        boolean again = r.assessedAt != null;
        record(r, result, again ? LtcAssessment.Kind.REASSESSMENT : LtcAssessment.Kind.ASSESSMENT, null);
        publish(r, LtcRequestChanged.ASSESSED, Map.of("grade", r.grade, "reassessment", again));
        recogniseUnderAgreement(r, assigned);
        return RequestView.of(r);
    }

    /**
     * The assigned assessor corrects its recorded result, with the reason (an indicator mistyped, a grade wrongly
     * derived). The earlier result stays in the history; the request is ASSESSED again with the corrected result,
     * and recognition follows it: at once under an agreement, else by the home insurer's decision.
     */
    @Transactional
    public RequestView correct(UUID id, String ifMatch, LtcRequests.Correction correction) {
        LtcRequest r = readable(id);
        Institution assigned = requireAssessor(r);
        checkVersion(r, ifMatch);
        if (r.status == LtcRequest.Status.REQUESTED) {
            throw ProblemException.conflict("ltc-request-requested", "Request " + r.id
                    + " has no result to correct yet; record the assessment instead");
        }
        r.recognition = null;
        r.decidedBy = null;
        r.decidedAt = null;
        r.decisionReason = null;
        r.monthlyBenefit = null;
        record(r, correction.result(), LtcAssessment.Kind.CORRECTION, correction.reason().strip());
        // The reason may describe the person: the trail says that a correction was made and the grade it gave.
        publish(r, LtcRequestChanged.CORRECTED, Map.of("grade", r.grade));
        recogniseUnderAgreement(r, assigned);
        return RequestView.of(r);
    }

    /**
     * The home insurer asks for a re-assessment (复评) of a decided request, say after the person's condition changed
     * or on the person's appeal: REQUESTED again with a new two-week due date; the recognised grade and benefit stay
     * in force until the new result is recognised.
     */
    @Transactional
    public RequestView reassess(UUID id, String ifMatch, LtcRequests.Reassessment reassessment) {
        LtcRequest r = readable(id);
        requireInsurer(r.homeRegion);
        checkVersion(r, ifMatch);
        if (r.status != LtcRequest.Status.RECOGNISED && r.status != LtcRequest.Status.REJECTED) {
            throw ProblemException.conflict("ltc-request-" + r.status.name().toLowerCase(Locale.ROOT), "Request "
                    + r.id + " is " + r.status + "; only a RECOGNISED or REJECTED request can be assessed again");
        }
        r.status = LtcRequest.Status.REQUESTED;
        r.dueAt = Instant.now().plus(SLA);
        em.flush();
        publish(r, LtcRequestChanged.REASSESSMENT_REQUESTED, Map.of("reason", reassessment.reason().strip()));
        return RequestView.of(r);
    }

    /** Every result recorded for the request, oldest first, to whoever may read the request. */
    public List<AssessmentView> assessments(UUID id) {
        LtcRequest r = readable(id);
        return LtcAssessment.<LtcAssessment>list("requestId = ?1 order by assessedAt, id", r.id).stream()
                .map(AssessmentView::of).toList();
    }

    /** One recorded result of a request. */
    @Schema(name = "LtcAssessmentRecord")
    public record AssessmentView(UUID id, LtcAssessment.Kind kind, int dailyLiving, int cognition, int perception,
                                 int grade, String reason, String assessedBy, Instant assessedAt) {

        static AssessmentView of(LtcAssessment a) {
            return new AssessmentView(a.id, a.kind, a.dailyLiving, a.cognition, a.perception, a.grade, a.reason,
                    a.assessedBy, a.assessedAt);
        }
    }

    private Institution requireAssessor(LtcRequest r) {
        Institution assigned = institutions.findById(r.assessorInstitution);
        boolean assessor = caller.hasRole(ASSESSOR) && caller.institutionCode().map(r.assessorInstitution::equals).orElse(false)
                && assigned != null && caller.scope().covers(assigned.regionCode);
        caller.scope().requireWritable(assessor, "request " + r.id);
        return assigned;
    }

    /** The result onto the request (ASSESSED) and into its history. */
    private void record(LtcRequest r, LtcRequests.Result result, LtcAssessment.Kind kind, String reason) {
        r.dailyLiving = result.dailyLiving();
        r.cognition = result.cognition();
        r.perception = result.perception();
        r.grade = result.grade();
        r.assessedBy = caller.username();
        r.assessedAt = Instant.now();
        r.status = LtcRequest.Status.ASSESSED;
        LtcAssessment history = new LtcAssessment();
        history.id = UUID.randomUUID();
        history.requestId = r.id;
        history.kind = kind;
        history.dailyLiving = r.dailyLiving;
        history.cognition = r.cognition;
        history.perception = r.perception;
        history.grade = r.grade;
        history.reason = reason;
        history.assessedBy = r.assessedBy;
        history.assessedAt = r.assessedAt;
        history.persist();
        em.flush();
    }

    private void recogniseUnderAgreement(LtcRequest r, Institution assigned) {
        boolean accredited = assigned.has(Capability.LTC_ASSESSOR);
        LocalDate today = LocalDate.now(CHINA);
        Optional<LtcAgreement> agreement = LtcAgreement.<LtcAgreement>listAll().stream()
                .filter(a -> a.covers(r.homeRegion, r.residenceRegion, today)).findFirst();
        if (accredited && agreement.isPresent()) {
            recognise(r, LtcRequest.Recognition.AUTOMATIC, "agreement " + agreement.get().id + " ("
                    + agreement.get().homeRegion + " ↔ " + agreement.get().residenceRegion + ")");
        }
    }

    /** The home insurer decides an assessment no agreement recognised. */
    @Transactional
    public RequestView decide(UUID id, String ifMatch, LtcRequests.Decision decision) {
        LtcRequest r = readable(id);
        caller.scope().requireWritable((caller.hasRole(INSURANCE_OFFICER) || caller.hasRole(Caller.PLATFORM_ADMIN))
                && caller.scope().covers(r.homeRegion), "request " + id);
        checkVersion(r, ifMatch);
        require(r, LtcRequest.Status.ASSESSED, "decided");
        if (decision.recognise()) {
            recognise(r, LtcRequest.Recognition.MANUAL, decision.reason() == null ? "recognised by hand" : decision.reason());
        } else {
            r.status = LtcRequest.Status.REJECTED;
            r.recognition = LtcRequest.Recognition.MANUAL;
            r.decidedBy = caller.username();
            r.decidedAt = Instant.now();
            r.decisionReason = decision.reason();
            em.flush();
            publish(r, LtcRequestChanged.REJECTED, Map.of("reasonGiven", decision.reason() != null));
        }
        return RequestView.of(r);
    }

    public RequestView get(UUID id) {
        return RequestView.of(readable(id));
    }

    public Page<RequestView> search(LtcRequest.Status status, boolean overdueOnly, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        RegionScope scope = caller.scope();
        Optional<String> institution = scope.institution();
        if (institution.isPresent()) {
            query.append(" and assessorInstitution = :institution");
            params.and("institution", institution.get());
        } else if (!scope.all()) {
            query.append(" and (homeRegion like :scope or residenceRegion like :scope)");
            params.and("scope", scope.listingPrefix() + "%");
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (overdueOnly) {
            query.append(" and status in (:open) and dueAt < :now");
            params.and("open", List.of(LtcRequest.Status.REQUESTED, LtcRequest.Status.ASSESSED)).and("now", Instant.now());
        }
        PanacheQuery<LtcRequest> found = LtcRequest.find(query.toString(), Sort.by("dueAt").and("id"), params);
        return Pages.of(found, page, size, RequestView::of);
    }

    private void recognise(LtcRequest r, LtcRequest.Recognition how, String reason) {
        r.status = LtcRequest.Status.RECOGNISED;
        r.recognition = how;
        r.decidedBy = caller.username();
        r.decidedAt = Instant.now();
        r.decisionReason = reason;
        r.monthlyBenefit = benefits(r.homeRegion, LocalDate.now(CHINA)).getOrDefault(r.grade, BigDecimal.ZERO.setScale(2));
        em.flush();
        // The reason is free text and may describe the person: the audit trail only says how it was decided.
        publish(r, LtcRequestChanged.RECOGNISED, Map.of("recognition", how, "monthlyBenefit", r.monthlyBenefit));
    }

    /** Visible to both regions' officers and partner systems, and to the assessor institution. */
    private LtcRequest readable(UUID id) {
        LtcRequest r = LtcRequest.findById(id);
        RegionScope scope = caller.scope();
        // The assessor may work in another district than the person lives in (Changping → Shijingshan).
        boolean visible = r != null && (scope.institution().isPresent()
                ? scope.institution().get().equals(r.assessorInstitution)
                : scope.covers(r.homeRegion) || scope.covers(r.residenceRegion));
        scope.requireReadable(visible, "LTC request");
        return r;
    }

    private void requireInsurer(String regionCode) {
        caller.scope().requireWritable((caller.hasRole(INSURANCE_OFFICER) || caller.hasRole(Caller.PLATFORM_ADMIN))
                && caller.scope().covers(regionCode), "region " + regionCode);
    }

    private static void checkVersion(LtcRequest r, String ifMatch) {
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, r.version);
        }
    }

    private static void require(LtcRequest r, LtcRequest.Status expected, String action) {
        if (r.status != expected) {
            throw ProblemException.conflict("ltc-request-" + r.status.name().toLowerCase(Locale.ROOT),
                    "Request " + r.id + " is " + r.status + "; only a " + expected + " request can be " + action);
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-agreement", "Invalid agreement", detail);
    }

    private void publish(LtcRequest r, String type, Map<String, Object> details) {
        outbox.record(type, r.id.toString(), r.regionCodes(), r.event());
        audit.record(caller.actor(), "ltc-request." + type.split("\\.")[4], "ltc-request", r.id.toString(),
                r.regionCodes(), details);
    }
}
