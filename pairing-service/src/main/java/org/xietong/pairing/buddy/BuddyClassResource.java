package org.xietong.pairing.buddy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.pairing.pairing.Pairing;
import org.xietong.pairing.pairing.PairingKind;
import org.xietong.pairing.pairing.PairingService;
import org.xietong.pairing.pairing.PairingStatus;
import org.xietong.platform.audit.Audit;
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
@Path("/api/v1/pairing/buddy-classes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Buddy classes", description = "友好班集体 and 学伴 between paired schools; counts only, no personal data")
public class BuddyClassResource {

    public record ClassSide(@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(12) Integer grade,
                            @NotNull @Min(0) @Max(200) Integer students) {
    }

    public record Twin(@NotNull UUID pairingId, @Valid @NotNull ClassSide supportingClass,
                       @Valid @NotNull ClassSide supportedClass, @NotNull @Min(0) Integer studyBuddyPairs) {

        @AssertTrue(message = "studyBuddyPairs cannot exceed the smaller class")
        boolean isBuddiesFit() {
            return supportingClass == null || supportedClass == null || studyBuddyPairs == null
                    || supportingClass.students() == null || supportedClass.students() == null
                    || studyBuddyPairs <= Math.min(supportingClass.students(), supportedClass.students());
        }
    }

    public record BuddyClassView(UUID id, UUID pairingId, ClassSide supportingClass, ClassSide supportedClass,
                                 int studyBuddyPairs, Instant createdAt) {
    }

    private final PairingService pairings;
    private final EntityManager em;
    private final Audit audit;
    private final Caller caller;

    public BuddyClassResource(PairingService pairings, EntityManager em, Audit audit, Caller caller) {
        this.pairings = pairings;
        this.em = em;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"education-officer", "school-admin", "platform-admin"})
    @Operation(summary = "Twin a class of each school of an ACTIVE school pairing")
    @Transactional
    public Response twin(@Valid @NotNull Twin twin) {
        Pairing pairing = pairings.visible(twin.pairingId());
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(pairing.regionCodes()), "Pairing " + pairing.id);
        if (pairing.status != PairingStatus.ACTIVE || pairing.kind == PairingKind.REGION) {
            throw ProblemException.conflict("pairing-not-active", "Buddy classes need an ACTIVE pairing of two schools");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("INSERT INTO buddy_class (id, pairing_id, supporting_class, supporting_grade, "
                        + "supporting_students, supported_class, supported_grade, supported_students, study_buddy_pairs, "
                        + "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                        + "ON CONFLICT (pairing_id, supporting_class, supported_class) DO NOTHING")
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
        return Response.status(Response.Status.CREATED)
                .entity(new BuddyClassView(id, pairing.id, twin.supportingClass(), twin.supportedClass(), twin.studyBuddyPairs(), now))
                .build();
    }

    @GET
    @Operation(summary = "The buddy classes of a pairing")
    @SuppressWarnings("unchecked")
    public List<BuddyClassView> ofPairing(@QueryParam("pairing") @NotNull UUID pairingId) {
        pairings.visible(pairingId);
        List<Object[]> rows = em.createNativeQuery("SELECT id, supporting_class, supporting_grade, supporting_students, "
                        + "supported_class, supported_grade, supported_students, study_buddy_pairs, created_at FROM buddy_class "
                        + "WHERE pairing_id = ?1 ORDER BY created_at").setParameter(1, pairingId).getResultList();
        return rows.stream().map(r -> new BuddyClassView((UUID) r[0], pairingId,
                new ClassSide((String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue()),
                new ClassSide((String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue()),
                ((Number) r[7]).intValue(), org.xietong.platform.schema.SqlValues.instant(r[8]))).toList();
    }
}
