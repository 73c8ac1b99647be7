package org.xietong.pairing.agreement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.xietong.contracts.pairing.PairingChanged;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Pairings and their lifecycle: proposed by an officer of either side, ACTIVE once the officers of both sides
 * have approved their own side, then suspended, resumed, renewed and concluded. Either side alone may suspend or
 * conclude; renewing and resuming need both sides to agree. Every transition is published and audited.
 */
@ApplicationScoped
public class PairingService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Schema(name = "PairingSide")
    public enum Side { SUPPORTING, SUPPORTED }

    private static final String ENTITY = "pairing";

    private final PairingRepository pairings;
    private final SchoolRepository schools;
    private final PairingConfig config;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;
    private final Clock clock = Clock.systemDefaultZone();

    public PairingService(PairingRepository pairings, SchoolRepository schools, PairingConfig config, Outbox outbox,
                          Audit audit, Caller caller) {
        this.pairings = pairings;
        this.schools = schools;
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    /** A proposal's parties and term, checked against the caller's scope and the pairing rules. */
    private record Plan(PairingRules.Party supporting, PairingRules.Party supported, LocalDate start, LocalDate end) {
    }

    private Plan plan(ProposePairing request) {
        PairingRules.Party supporting = party(request.kind(), request.supportingParty());
        PairingRules.Party supported = party(request.kind(), request.supportedParty());
        RegionScope scope = caller.scope();
        scope.requireWritable(actsFor(scope, supporting) || actsFor(scope, supported),
                "A pairing between " + supporting.regionCode() + " and " + supported.regionCode());
        PairingRules.violation(request.kind(), supporting, supported).ifPresent(PairingService::rule);
        LocalDate start = request.termStart() != null ? request.termStart() : LocalDate.now(clock);
        LocalDate end = request.termEnd() != null ? request.termEnd() : start.plusYears(PairingRules.DEFAULT_TERM_YEARS);
        PairingRules.termViolation(start, end).ifPresent(PairingService::rule);
        return new Plan(supporting, supported, start, end);
    }

    /**
     * What {@link #propose} would refuse, thrown as it would be, without locking or storing anything (an import checks
     * every row first); true if the two parties already have an open pairing, which propose refuses too.
     */
    public boolean alreadyOpen(ProposePairing request) {
        Plan plan = plan(request);
        if (pairings.hasOpenBetween(plan.supporting().id(), plan.supported().id())) {
            return true;
        }
        if (plan.supporting().location() != null) {
            requireCapacity(plan.supporting().id());
        }
        return false;
    }

    @Transactional
    public PairingView propose(ProposePairing request) {
        Plan plan = plan(request);
        PairingRules.Party supporting = plan.supporting();
        PairingRules.Party supported = plan.supported();
        LocalDate start = plan.start();
        LocalDate end = plan.end();
        if (supporting.location() != null) {
            lockSchool(supporting.id());
            requireCapacity(supporting.id());
        }
        if (pairings.hasOpenBetween(supporting.id(), supported.id())) {
            throw ProblemException.conflict("pairing-exists",
                    supporting.id() + " and " + supported.id() + " already have an open pairing");
        }
        Pairing pairing = new Pairing();
        pairing.id = UUID.randomUUID();
        pairing.kind = request.kind();
        pairing.supportingParty = supporting.id();
        pairing.supportedParty = supported.id();
        pairing.supportingRegion = supporting.regionCode();
        pairing.supportedRegion = supported.regionCode();
        pairing.status = PairingStatus.PROPOSED;
        pairing.termStart = start;
        pairing.termEnd = end;
        pairing.goals = request.goals();
        pairing.createdBy = caller.username();
        pairings.persist(pairing);
        try {
            pairings.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                // The other direction was proposed at the same moment; the unique index decided.
                throw ProblemException.conflict("pairing-exists",
                        supporting.id() + " and " + supported.id() + " already have an open pairing");
            }
            throw e;
        }
        publish(pairing, PairingChanged.PROPOSED, Map.of("kind", pairing.kind, "supporting", pairing.supportingParty,
                "supported", pairing.supportedParty, "termEnd", end.toString()));
        return PairingView.of(pairing);
    }

    /** An officer approves the side of the pairing in their region; the second approval activates it. */
    @Transactional
    public PairingView approve(UUID id, Side side) {
        Pairing pairing = writable(id, side);
        if (pairing.status != PairingStatus.PROPOSED) {
            throw transition("approve", pairing);
        }
        if ((side == Side.SUPPORTING ? pairing.supportingApprovedBy : pairing.supportedApprovedBy) != null) {
            throw ProblemException.conflict("already-approved", "The " + side.name().toLowerCase() + " side already approved");
        }
        String officer = caller.username();
        String other = side == Side.SUPPORTING ? pairing.supportedApprovedBy : pairing.supportingApprovedBy;
        if (officer.equals(other) && !caller.hasRole(Caller.PLATFORM_ADMIN)) {
            throw ProblemException.conflict("same-approver", "Each side is approved by its own officer; "
                    + "you approved the other side already");
        }
        Instant now = Instant.now(clock);
        if (side == Side.SUPPORTING) {
            pairing.supportingApprovedBy = officer;
            pairing.supportingApprovedAt = now;
        } else {
            pairing.supportedApprovedBy = officer;
            pairing.supportedApprovedAt = now;
        }
        publish(pairing, PairingChanged.APPROVED, Map.of("side", side));
        if (pairing.supportingApprovedBy != null && pairing.supportedApprovedBy != null) {
            if (pairing.kind != PairingKind.REGION) {
                lockSchool(pairing.supportingParty);
                requireCapacity(pairing.supportingParty);
            }
            pairing.status = PairingStatus.ACTIVE;
            pairing.activatedAt = now;
            openActivePeriod(pairing);
            publish(pairing, PairingChanged.ACTIVATED, Map.of("status", Map.of("from", "PROPOSED", "to", "ACTIVE")));
        }
        // A concurrent change of this pairing fails here, as a 412, rather than at commit.
        pairings.flush();
        return PairingView.of(pairing);
    }

    /** A one-sided change: either side may suspend or conclude; a pending renewal or resumption lapses. */
    @Transactional
    public PairingView act(UUID id, PairingAction action) {
        if (action.needsBothSides()) {
            throw new IllegalArgumentException(action + " needs both sides: use agree");
        }
        Pairing pairing = writable(id, null);
        if (!action.allowedFrom(pairing.status)) {
            throw transition(action.name().toLowerCase(), pairing);
        }
        return moveTo(pairing, action);
    }

    /**
     * Either side's officer turns down a proposal, saying why: it ends REJECTED (its parties may propose again), the
     * reason goes into the audit trail, and org.xietong.pairing.pairing.rejected.v1 tells both sides.
     */
    @Transactional
    public PairingView reject(UUID id, String reason) {
        Pairing pairing = writable(id, null);
        if (!PairingAction.REJECT.allowedFrom(pairing.status)) {
            throw transition("reject", pairing);
        }
        return moveTo(pairing, PairingAction.REJECT, Map.of("reason", reason));
    }

    /** What an agreement step did: recorded one side's request, or completed the change both sides asked for. */
    public record AgreementOutcome(PairingView pairing, boolean completed) {
    }

    /**
     * One side's step towards a renewal or resumption. The first side's request is recorded as pending; the same
     * request from the other side (for a renewal, the same termEnd, or none to take the pending one) completes it.
     * A different request replaces the pending one. A platform admin naming no side agrees for both at once, as it
     * may approve both sides of a proposal.
     */
    @Transactional
    public AgreementOutcome agree(UUID id, PairingAction action, Side requestedSide, LocalDate requestedTermEnd) {
        if (!action.needsBothSides()) {
            throw new IllegalArgumentException(action + " is one-sided: use act");
        }
        Pairing pairing = writable(id, requestedSide);
        if (!action.allowedFrom(pairing.status)) {
            throw transition(action.name().toLowerCase(), pairing);
        }
        boolean admin = caller.hasRole(Caller.PLATFORM_ADMIN);
        Side side = requestedSide != null ? requestedSide : admin ? null : sideOf(pairing);
        boolean pendingFromOtherSide = side != null && pairing.pendingAction == action && pairing.pendingSide != side;
        LocalDate termEnd = null;
        if (action == PairingAction.RENEW) {
            LocalDate start = pairing.termEnd;
            termEnd = requestedTermEnd != null ? requestedTermEnd
                    : pendingFromOtherSide ? pairing.pendingTermEnd : start.plusYears(PairingRules.DEFAULT_TERM_YEARS);
            PairingRules.termViolation(start, termEnd).ifPresent(PairingService::rule);
        } else if (requestedTermEnd != null) {
            rule("a resumption keeps the current term (ending " + pairing.termEnd + "); renew to change it");
        }
        if (side == null) {
            return new AgreementOutcome(complete(pairing, action, termEnd), true);
        }
        if (pendingFromOtherSide && (action != PairingAction.RENEW || termEnd.equals(pairing.pendingTermEnd))) {
            if (caller.username().equals(pairing.pendingBy) && !admin) {
                throw ProblemException.conflict("same-approver", "Each side agrees through its own officer; "
                        + "you asked for the other side already");
            }
            return new AgreementOutcome(complete(pairing, action, termEnd), true);
        }
        Instant now = Instant.now(clock);
        pairing.pendingAction = action;
        pairing.pendingSide = side;
        pairing.pendingBy = caller.username();
        pairing.pendingAt = now;
        pairing.pendingTermEnd = termEnd;
        Map<String, Object> summary = new java.util.HashMap<>(Map.of("side", side, "action", action));
        if (termEnd != null) {
            summary.put("termEnd", termEnd.toString());
        }
        // No event: the pairing has not changed for anyone consuming them until the other side agrees.
        audit.record(caller.actor(), action == PairingAction.RENEW ? "pairing.renewal-requested" : "pairing.resumption-requested",
                ENTITY, pairing.id.toString(), pairing.regionCodes(), summary);
        pairings.flush();
        return new AgreementOutcome(PairingView.of(pairing), false);
    }

    private PairingView complete(Pairing pairing, PairingAction action, LocalDate termEnd) {
        if (action == PairingAction.RENEW) {
            pairing.termStart = pairing.termEnd;
            pairing.termEnd = termEnd;
            pairing.renewals++;
        }
        return moveTo(pairing, action);
    }

    /** The pairing takes the action's status (a pending request lapses) and says so in its event. */
    private PairingView moveTo(Pairing pairing, PairingAction action) {
        return moveTo(pairing, action, Map.of());
    }

    private PairingView moveTo(Pairing pairing, PairingAction action, Map<String, String> more) {
        PairingStatus before = pairing.status;
        pairing.status = action.target();
        if (before != PairingStatus.ACTIVE && pairing.status == PairingStatus.ACTIVE) {
            openActivePeriod(pairing);
        } else if (before == PairingStatus.ACTIVE && pairing.status != PairingStatus.ACTIVE) {
            ActivePeriod.update("activeTo = ?1 where pairingId = ?2 and activeTo is null",
                    LocalDate.now(CHINA).minusDays(1), pairing.id);
        }
        pairing.clearPending();
        Map<String, Object> summary = new java.util.HashMap<>(more);
        summary.put("status", Map.of("from", before, "to", pairing.status));
        summary.put("termEnd", pairing.termEnd.toString());
        publish(pairing, action.eventType(), summary);
        pairings.flush();
        return PairingView.of(pairing);
    }

    /** Coverage counts a pairing from the day it becomes ACTIVE, or from its term's start if that is later. */
    private static void openActivePeriod(Pairing pairing) {
        ActivePeriod period = new ActivePeriod();
        period.pairingId = pairing.id;
        LocalDate today = LocalDate.now(CHINA);
        period.activeFrom = pairing.termStart.isAfter(today) ? pairing.termStart : today;
        period.persist();
    }

    /** The one side of the pairing the caller acts for; a caller covering both names the side it agrees for. */
    private Side sideOf(Pairing pairing) {
        RegionScope scope = caller.scope();
        boolean supporting = scope.coversSchool(pairing.supportingRegion, pairing.supportingParty);
        boolean supported = scope.coversSchool(pairing.supportedRegion, pairing.supportedParty);
        if (supporting && supported) {
            throw ProblemException.unprocessable("side-required", "Side required", "You act for both sides of "
                    + "pairing " + pairing.id + "; name the side (SUPPORTING or SUPPORTED) you agree for");
        }
        return supporting ? Side.SUPPORTING : Side.SUPPORTED;
    }

    public PairingView get(UUID id) {
        return PairingView.of(visible(id));
    }

    public Page<PairingView> list(PairingStatus status, PairingKind kind, String party, int page, int size) {
        return Pages.of(pairings.visibleTo(caller.scope(), status, kind, party), page, size, PairingView::of);
    }

    /** The ACTIVE pairing of two schools, whichever supports the other; no caller needed (event consumers). */
    public java.util.Optional<Pairing> activeBetween(String a, String b) {
        return pairings.find("status = ?1 and ((supportingParty = ?2 and supportedParty = ?3) "
                + "or (supportingParty = ?3 and supportedParty = ?2))", PairingStatus.ACTIVE, a, b).firstResultOptional();
    }

    /** Every ACTIVE pairing the caller may see. */
    public java.util.List<Pairing> activeVisible() {
        return pairings.visibleTo(caller.scope(), PairingStatus.ACTIVE, null, null).list();
    }

    /** The pairing if the caller may see it; "not found" otherwise. */
    public Pairing visible(UUID id) {
        Pairing pairing = pairings.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Pairing " + id));
        RegionScope scope = caller.scope();
        boolean visible = scope.coversAny(pairing.regionCodes()) && scope.school()
                .map(s -> s.equals(pairing.supportingParty) || s.equals(pairing.supportedParty)).orElse(true);
        scope.requireReadable(visible, "Pairing " + id);
        return pairing;
    }

    /** The pairing, if the caller may change it: the given side's region, or either side's when none is given. */
    private Pairing writable(UUID id, Side side) {
        Pairing pairing = visible(id);
        RegionScope scope = caller.scope();
        boolean supporting = scope.coversSchool(pairing.supportingRegion, pairing.supportingParty);
        boolean supported = scope.coversSchool(pairing.supportedRegion, pairing.supportedParty);
        boolean allowed = side == null ? supporting || supported : side == Side.SUPPORTING ? supporting : supported;
        scope.requireWritable(allowed, "The " + (side == null ? "" : side.name().toLowerCase() + " side of ") + "pairing " + id);
        return pairing;
    }

    /** An officer of the party's region; for a school party a school-bound caller must be that school. */
    private static boolean actsFor(RegionScope scope, PairingRules.Party party) {
        return scope.coversSchool(party.regionCode(), party.id());
    }

    private PairingRules.Party party(PairingKind kind, String id) {
        if (kind.betweenRegions()) {
            if (!RegionCode.isValid(id) || id.length() != 6) {
                rule("a REGION pairing's parties are 6-digit region codes; " + id + " is not one");
            }
            return PairingRules.Party.region(id);
        }
        if (id.length() != 10) {
            rule("a " + kind + " pairing's parties are 10-digit school codes; " + id + " is not one");
        }
        // The other party may lie outside the caller's region: that is what a cross-region pairing is.
        School school = schools.requireRegistered(id, "Party");
        return new PairingRules.Party(school.code, school.regionCode, school.locationType, school.level);
    }

    private void lockSchool(String code) {
        schools.findById(code, LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireCapacity(String supportingSchool) {
        long carried = pairings.carriedBy(supportingSchool);
        if (carried >= config.maxActivePerSupportingSchool()) {
            throw ProblemException.conflict("supporting-school-at-capacity", "School " + supportingSchool + " already supports "
                    + carried + " pairings; the policy allows " + config.maxActivePerSupportingSchool());
        }
    }

    private void publish(Pairing pairing, String type, Map<String, ?> summary) {
        outbox.record(type, pairing.id.toString(), pairing.regionCodes(), PairingView.event(pairing));
        String action = type.replace("org.xietong.pairing.", "").replace(".v1", "");
        audit.record(caller.actor(), action, ENTITY, pairing.id.toString(), pairing.regionCodes(), summary);
    }

    private static ProblemException transition(String action, Pairing pairing) {
        return ProblemException.conflict("invalid-transition", "Cannot " + action + " a pairing that is " + pairing.status);
    }

    private static void rule(String detail) {
        throw ProblemException.unprocessable("pairing-rule", "Pairing rule", detail);
    }
}
