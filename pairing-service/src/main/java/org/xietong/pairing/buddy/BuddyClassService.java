package org.xietong.pairing.buddy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.pairing.agreement.Pairing;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.agreement.PairingService;
import org.xietong.pairing.agreement.PairingStatus;
import org.xietong.contracts.pairing.BuddyClassDissolved;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Buddy classes (友好班集体) and study buddies (学伴) between the two schools of an active school pairing. Only class
 * names, grades and counts are kept: no personal data of minors.
 */
@ApplicationScoped
public class BuddyClassService {

    private final PairingService pairings;
    private final EntityManager em;
    private final Audit audit;
    private final Outbox outbox;
    private final Caller caller;

    public BuddyClassService(PairingService pairings, EntityManager em, Audit audit, Outbox outbox, Caller caller) {
        this.pairings = pairings;
        this.em = em;
        this.audit = audit;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public BuddyClassResource.BuddyClassView twin(BuddyClassResource.Twin twin) {
        Pairing pairing = pairings.visible(twin.pairingId());
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(pairing.regionCodes()), "Pairing " + pairing.id);
        if (pairing.status != PairingStatus.ACTIVE || pairing.kind == PairingKind.REGION) {
            throw ProblemException.conflict("pairing-not-active", "Buddy classes need an ACTIVE pairing of two schools");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        // ON CONFLICT: of two concurrent requests to twin the same classes, one twins them and the other is told so.
        int inserted = em.createNativeQuery("INSERT INTO buddy_class (id, pairing_id, supporting_class, supporting_grade, "
                        + "supporting_students, supported_class, supported_grade, supported_students, study_buddy_pairs, "
                        + "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                        + "ON CONFLICT (pairing_id, supporting_class, supported_class) WHERE dissolved_at IS NULL DO NOTHING")
                .setParameter(1, id).setParameter(2, pairing.id)
                .setParameter(3, twin.supportingClass().name().strip()).setParameter(4, twin.supportingClass().grade())
                .setParameter(5, twin.supportingClass().students())
                .setParameter(6, twin.supportedClass().name().strip()).setParameter(7, twin.supportedClass().grade())
                .setParameter(8, twin.supportedClass().students())
                .setParameter(9, twin.studyBuddyPairs()).setParameter(10, now).setParameter(11, caller.username())
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("already-twinned", "These two classes are already twinned");
        }
        audit.record(caller.actor(), "buddy-class.twinned", "pairing", pairing.id.toString(), pairing.regionCodes(),
                Map.of("supportingClass", twin.supportingClass().name(), "supportedClass", twin.supportedClass().name(),
                        "studyBuddyPairs", twin.studyBuddyPairs()));
        return new BuddyClassResource.BuddyClassView(id, pairing.id, twin.supportingClass(), twin.supportedClass(),
                twin.studyBuddyPairs(), now, null, null, 0);
    }

    /** Dissolves a standing twin, by whoever may twin classes of its pairing; the row stays, marked. */
    @Transactional
    public BuddyClassResource.BuddyClassView dissolve(UUID id, String reason, String ifMatch) {
        BuddyClass twin = BuddyClass.findById(id);
        if (twin == null) {
            throw ProblemException.notFound("Buddy classes " + id);
        }
        Pairing pairing = pairings.visible(twin.pairingId);
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(pairing.regionCodes()), "Pairing " + pairing.id);
        if (twin.dissolvedAt != null) {
            throw ProblemException.conflict("buddy-classes-dissolved", "Buddy classes " + id + " were dissolved on "
                    + twin.dissolvedAt);
        }
        Versions.requireMatch(ifMatch, twin.version);
        twin.dissolvedAt = Instant.now();
        twin.dissolvedBy = caller.username();
        twin.dissolutionReason = reason;
        em.flush();
        outbox.record(BuddyClassDissolved.TYPE, pairing.id.toString(), pairing.regionCodes(), new BuddyClassDissolved(
                twin.id.toString(), pairing.id.toString(), twin.supportingClass, twin.supportedClass,
                twin.studyBuddyPairs, reason, twin.dissolvedAt));
        audit.record(caller.actor(), "buddy-class.dissolved", "pairing", pairing.id.toString(), pairing.regionCodes(),
                Map.of("buddyClasses", twin.id.toString(), "reason", reason));
        return view(twin);
    }

    private static BuddyClassResource.BuddyClassView view(BuddyClass b) {
        return new BuddyClassResource.BuddyClassView(b.id, b.pairingId,
                new BuddyClassResource.ClassSide(b.supportingClass, b.supportingGrade, b.supportingStudents),
                new BuddyClassResource.ClassSide(b.supportedClass, b.supportedGrade, b.supportedStudents),
                b.studyBuddyPairs, b.createdAt, b.dissolvedAt, b.dissolutionReason, b.version);
    }

    public List<BuddyClassResource.BuddyClassView> ofPairing(UUID pairingId) {
        pairings.visible(pairingId);
        return BuddyClass.<BuddyClass>list("pairingId", Sort.by("createdAt"), pairingId).stream()
                .map(BuddyClassService::view).toList();
    }
}
