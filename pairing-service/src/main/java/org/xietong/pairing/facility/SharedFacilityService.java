package org.xietong.pairing.facility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Resources a school shares with its partner schools (an ACTIVE pairing between them, or the same alliance), booked
 * per time slot. The owner's officers and school admin publish resources and slots; a partner school's admin, or
 * an officer of its region, books places.
 */
@ApplicationScoped
public class SharedFacilityService {

    public enum Kind { FARM, LIBRARY, LAB, COURSE, VENUE, OTHER }

    public record ResourceView(UUID id, String ownerSchool, String name, Kind kind, String description,
                               List<SlotView> slots) {
    }

    public record SlotView(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, int booked) {
    }

    public record BookingView(UUID id, UUID slotId, String school, int places, Instant bookedAt) {
    }

    private final EntityManager em;
    private final SchoolRepository schools;
    private final Audit audit;
    private final Caller caller;

    public SharedFacilityService(EntityManager em, SchoolRepository schools, Audit audit, Caller caller) {
        this.em = em;
        this.schools = schools;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public ResourceView publish(String ownerSchool, String name, Kind kind, String description) {
        School owner = school(ownerSchool);
        requireActsFor(owner, "publish resources of school " + ownerSchool);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO shared_resource (id, owner_school, region_code, name, kind, description, "
                        + "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, owner.code).setParameter(3, owner.regionCode)
                .setParameter(4, name.strip()).setParameter(5, kind.name()).setParameter(6, description)
                .setParameter(7, Instant.now()).setParameter(8, caller.username()).executeUpdate();
        audit.record(caller.actor(), "resource.published", "shared-resource", id.toString(), List.of(owner.regionCode),
                Map.of("owner", owner.code, "name", name.strip(), "kind", kind));
        return get(id);
    }

    @Transactional
    public ResourceView addSlot(UUID resourceId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity) {
        School owner = owner(resourceId);
        requireActsFor(owner, "add slots to resources of school " + owner.code);
        if (!endsAt.isAfter(startsAt)) {
            throw rule("a slot must end after it starts");
        }
        int added = em.createNativeQuery("INSERT INTO resource_slot (id, resource_id, starts_at, ends_at, capacity) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (resource_id, starts_at) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, resourceId).setParameter(3, startsAt)
                .setParameter(4, endsAt).setParameter(5, capacity).executeUpdate();
        if (added == 0) {
            throw ProblemException.conflict("slot-exists", "This resource already has a slot starting at " + startsAt);
        }
        return get(resourceId);
    }

    /** Books places in a slot for a partner school; a full slot answers 409, also under concurrent bookings. */
    @Transactional
    public BookingView book(UUID resourceId, UUID slotId, String schoolCode, int places) {
        School owner = owner(resourceId);
        School booker = school(schoolCode);
        requireActsFor(booker, "book for school " + schoolCode);
        if (!partners(owner.code, booker.code)) {
            throw new ProblemException(Problem.of(403, "not-a-partner", "Not a partner school",
                    "School " + schoolCode + " has no active pairing or alliance with " + owner.code));
        }
        int reserved = em.createNativeQuery("UPDATE resource_slot SET booked = booked + ?1 "
                        + "WHERE id = ?2 AND resource_id = ?3 AND booked + ?1 <= capacity")
                .setParameter(1, places).setParameter(2, slotId).setParameter(3, resourceId).executeUpdate();
        if (reserved == 0) {
            long exists = ((Number) em.createNativeQuery("SELECT count(*) FROM resource_slot WHERE id = ?1 AND resource_id = ?2")
                    .setParameter(1, slotId).setParameter(2, resourceId).getSingleResult()).longValue();
            if (exists == 0) {
                throw ProblemException.notFound("Slot " + slotId);
            }
            throw ProblemException.conflict("slot-full", "Not enough places left in this slot for " + places);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO resource_booking (id, slot_id, school_code, places, booked_by, booked_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, slotId).setParameter(3, booker.code).setParameter(4, places)
                .setParameter(5, caller.username()).setParameter(6, now).executeUpdate();
        audit.record(caller.actor(), "resource.booked", "shared-resource", resourceId.toString(),
                List.of(owner.regionCode, booker.regionCode).stream().distinct().toList(),
                Map.of("slot", slotId.toString(), "school", booker.code, "places", places));
        return new BookingView(id, slotId, booker.code, places, now);
    }

    /** Resources of a school, for callers who may see that school or whose school is its partner. */
    public List<ResourceView> ofOwner(String ownerSchool) {
        // Unknown and out-of-scope answer alike, so school codes cannot be probed.
        School owner = schools.findByIdOptional(ownerSchool).orElseThrow(() -> ProblemException.notFound("School " + ownerSchool));
        RegionScope scope = caller.scope();
        boolean visible = scope.coversSchool(owner.regionCode, owner.code)
                || caller.schoolCode().map(own -> partners(owner.code, own)).orElse(false);
        scope.requireReadable(visible, "School " + ownerSchool);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM shared_resource WHERE owner_school = ?1 ORDER BY created_at")
                .setParameter(1, owner.code).getResultList();
        return ids.stream().map(this::get).toList();
    }

    private ResourceView get(UUID id) {
        List<?> found = em.createNativeQuery("SELECT owner_school, name, kind, description FROM shared_resource WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Resource " + id);
        }
        Object[] r = (Object[]) found.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> slots = em.createNativeQuery("SELECT id, starts_at, ends_at, capacity, booked FROM resource_slot "
                + "WHERE resource_id = ?1 ORDER BY starts_at").setParameter(1, id).getResultList();
        return new ResourceView(id, (String) r[0], (String) r[1], Kind.valueOf((String) r[2]), (String) r[3],
                slots.stream().map(s -> new SlotView((UUID) s[0], offset(s[1]), offset(s[2]),
                        ((Number) s[3]).intValue(), ((Number) s[4]).intValue())).toList());
    }

    private School owner(UUID resourceId) {
        List<?> owner = em.createNativeQuery("SELECT owner_school FROM shared_resource WHERE id = ?1")
                .setParameter(1, resourceId).getResultList();
        if (owner.isEmpty()) {
            throw ProblemException.notFound("Resource " + resourceId);
        }
        return school((String) owner.get(0));
    }

    /** An ACTIVE pairing between the two schools, or membership of a common alliance. */
    private boolean partners(String a, String b) {
        Number found = (Number) em.createNativeQuery("SELECT (SELECT count(*) FROM pairing WHERE status = 'ACTIVE' AND "
                        + "((supporting_party = ?1 AND supported_party = ?2) OR (supporting_party = ?2 AND supported_party = ?1))) + "
                        + "(SELECT count(*) FROM alliance_member x JOIN alliance_member y ON x.alliance_id = y.alliance_id "
                        + "WHERE x.school_code = ?1 AND y.school_code = ?2)")
                .setParameter(1, a).setParameter(2, b).getSingleResult();
        return !a.equals(b) && found.longValue() > 0;
    }

    /** An officer of the school's region, or the admin of that very school. */
    private void requireActsFor(School school, String what) {
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(school.regionCode, school.code), "To " + what);
    }

    private School school(String code) {
        return schools.requireRegistered(code, "School");
    }

    private static OffsetDateTime offset(Object value) {
        return value instanceof OffsetDateTime o ? o : OffsetDateTime.ofInstant(org.xietong.platform.schema.SqlValues.instant(value),
                java.time.ZoneOffset.ofHours(8));
    }

    private static ProblemException rule(String detail) {
        return new ProblemException(Problem.of(422, "resource-rule", "Resource rule", detail));
    }
}
