package org.xietong.healthcare.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.settlement.SettlementAccess;
import org.xietong.healthcare.settlement.engine.SettlementEngine;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The home insurers' registry: 异地就医备案 filings and 门诊慢特病 certifications. The home side (its insurance officer
 * or partner system) files, reads and revokes them; the treatment side reads the filings that cover its area.
 * Certifications name a disease, so only the home side reads them; a bill learns only whether one is valid.
 */
@ApplicationScoped
public class RegistryService {

    static final String FILING = "cross-region-filing";
    static final String CERTIFICATION = "chronic-certification";
    private static final int MAX_LISTED = 200;

    private final Audit audit;

    public RegistryService(Audit audit) {
        this.audit = audit;
    }

    @Transactional
    public FilingView file(FilingRequest request, SettlementAccess access, Actor actor) {
        requireHomeSide(request.homeRegion(), access);
        requireSpan(request.validFrom(), request.validTo());
        if (SettlementEngine.samePoolingArea(request.homeRegion(), request.destinationRegion())) {
            throw ProblemException.unprocessable("filing-within-pooling-area", "Nothing to file",
                    request.destinationRegion() + " is within the pooling area of " + request.homeRegion()
                            + "; visits there are LOCAL and need no filing");
        }
        if (request.validTo() == null && request.kind().needsEnd()) {
            throw ProblemException.unprocessable("filing-needs-end", "A temporary filing ends",
                    "A " + request.kind() + " filing needs validTo");
        }
        List<CrossRegionFiling> existing = filings(request.homeRegion(), List.of(request.personId()));
        existing.stream().filter(f -> f.status == RegistrationStatus.ACTIVE && f.overlaps(request.validFrom(), request.validTo()))
                .findFirst().ifPresent(f -> {
                    throw ProblemException.conflict("overlapping-filing", "Overlapping filing", "Filing " + f.id
                            + " (" + f.kind + ", " + f.destinationRegion + ", " + f.validFrom + " to "
                            + (f.validTo == null ? "open" : f.validTo) + ") already covers part of these days; revoke it first");
                });
        CrossRegionFiling filing = new CrossRegionFiling();
        filing.id = UUID.randomUUID();
        filing.personId = request.personId();
        filing.homeRegion = request.homeRegion();
        filing.kind = request.kind();
        filing.destinationRegion = request.destinationRegion();
        filing.validFrom = request.validFrom();
        filing.validTo = request.validTo();
        filing.filedBy = access.username();
        filing.persistAndFlush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", filing.kind.name());
        summary.put("destinationRegion", filing.destinationRegion);
        summary.put("validFrom", filing.validFrom.toString());
        summary.put("validTo", filing.validTo == null ? "open" : filing.validTo.toString());
        audit.record(actor, "filing.created", FILING, filing.id.toString(), List.of(filing.homeRegion), summary);
        return FilingView.of(filing);
    }

    public FilingView filing(UUID id, SettlementAccess access) {
        return FilingView.of(visibleFiling(id, access));
    }

    public long filingVersion(UUID id, SettlementAccess access) {
        return visibleFiling(id, access).version;
    }

    /** A person's filings the caller may see: all of them for the home side, those covering its area for the treatment side. */
    public List<FilingView> filings(String homeRegion, String personId, LocalDate on, SettlementAccess access) {
        return filings(homeRegion, List.of(personId)).stream()
                .filter(f -> visible(f, access) && (on == null || f.validOn(on))).limit(MAX_LISTED)
                .map(FilingView::of).toList();
    }

    @Transactional
    public FilingView revokeFiling(UUID id, String reason, String ifMatch, SettlementAccess access, Actor actor) {
        CrossRegionFiling filing = visibleFiling(id, access);
        requireHomeSide(filing.homeRegion, access);
        Versions.requireMatch(ifMatch, filing.version);
        revoke(filing, reason);
        filing.flush();
        audit.record(actor, "filing.revoked", FILING, id.toString(), List.of(filing.homeRegion), Map.of("reason", reason));
        return FilingView.of(filing);
    }

    @Transactional
    public CertificationView certify(CertificationRequest request, SettlementAccess access, Actor actor) {
        requireHomeSide(request.homeRegion(), access);
        requireSpan(request.validFrom(), request.validTo());
        ChronicCertification certification = new ChronicCertification();
        certification.id = UUID.randomUUID();
        certification.personId = request.personId();
        certification.homeRegion = request.homeRegion();
        certification.diseaseCode = request.diseaseCode();
        certification.diseaseName = request.diseaseName().strip();
        certification.validFrom = request.validFrom();
        certification.validTo = request.validTo();
        certification.filedBy = access.username();
        certification.persistAndFlush();
        // The disease stays out of the trail's summary: the trail is read more widely than the certification.
        audit.record(actor, "chronic-certification.created", CERTIFICATION, certification.id.toString(),
                List.of(certification.homeRegion), Map.of("validFrom", certification.validFrom.toString()));
        return CertificationView.of(certification);
    }

    public CertificationView certification(UUID id, SettlementAccess access) {
        return CertificationView.of(visibleCertification(id, access));
    }

    public long certificationVersion(UUID id, SettlementAccess access) {
        return visibleCertification(id, access).version;
    }

    public List<CertificationView> certifications(String homeRegion, String personId, SettlementAccess access) {
        requireHomeSide(homeRegion, access);
        return certifications(homeRegion, List.of(personId)).stream().limit(MAX_LISTED).map(CertificationView::of).toList();
    }

    @Transactional
    public CertificationView revokeCertification(UUID id, String reason, String ifMatch, SettlementAccess access,
                                                 Actor actor) {
        ChronicCertification certification = visibleCertification(id, access);
        Versions.requireMatch(ifMatch, certification.version);
        revoke(certification, reason);
        certification.flush();
        audit.record(actor, "chronic-certification.revoked", CERTIFICATION, id.toString(),
                List.of(certification.homeRegion), Map.of("reason", reason));
        return CertificationView.of(certification);
    }

    /** Every filing of these people of the home region, for settling their bills. */
    public static List<CrossRegionFiling> filings(String homeRegion, Collection<String> personIds) {
        return CrossRegionFiling.list("homeRegion = ?1 and personId in ?2", homeRegion, List.copyOf(personIds));
    }

    public static List<ChronicCertification> certifications(String homeRegion, Collection<String> personIds) {
        return ChronicCertification.list("homeRegion = ?1 and personId in ?2", homeRegion, List.copyOf(personIds));
    }

    private static void revoke(Registration registration, String reason) {
        if (registration.status == RegistrationStatus.REVOKED) {
            throw ProblemException.conflict("already-revoked", "Already revoked", "It was revoked on "
                    + registration.revokedAt);
        }
        registration.status = RegistrationStatus.REVOKED;
        registration.revokedAt = Instant.now();
        registration.revocationReason = reason;
    }

    private static CrossRegionFiling visibleFiling(UUID id, SettlementAccess access) {
        CrossRegionFiling filing = CrossRegionFiling.findById(id);
        if (filing == null || !visible(filing, access)) {
            throw ProblemException.notFound("Filing " + id);
        }
        return filing;
    }

    private static ChronicCertification visibleCertification(UUID id, SettlementAccess access) {
        ChronicCertification certification = ChronicCertification.findById(id);
        if (certification == null || !access.coversHome(certification.homeRegion)) {
            throw ProblemException.notFound("Certification " + id);
        }
        return certification;
    }

    private static boolean visible(CrossRegionFiling filing, SettlementAccess access) {
        return access.coversHome(filing.homeRegion) || (access.regional() && Destinations.meets(access.scope(),
                filing.destinationRegion));
    }

    private static void requireHomeSide(String homeRegion, SettlementAccess access) {
        if (!access.coversHome(homeRegion)) {
            throw ProblemException.forbidden("Only the home region " + homeRegion + "'s insurer or partner system keeps "
                    + "its insured's filings and certifications");
        }
    }

    private static void requireSpan(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("invalid-span", "Invalid span", "validTo " + to
                    + " is before validFrom " + from);
        }
    }
}
