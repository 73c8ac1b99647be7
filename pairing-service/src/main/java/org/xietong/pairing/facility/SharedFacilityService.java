package org.xietong.pairing.facility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.pairing.agreement.PairingService;
import org.xietong.pairing.alliance.AllianceService;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.contracts.pairing.FacilityBookingCancelled;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Facilities a school shares with its partner schools (an ACTIVE pairing between them, or the same alliance), booked
 * per time slot. The owner's officers and school admin publish facilities and slots; a partner school's admin, or
 * an officer of its region, books places.
 */
@ApplicationScoped
public class SharedFacilityService {

    /** Slot times are shown in China Standard Time, as the schools read them. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Schema(name = "SharedFacilityView")
    public record FacilityView(UUID id, String ownerSchool, String name, FacilityKind kind, String description,
                               List<SlotView> slots) {
    }

    @Schema(name = "SharedFacilitySlot")
    public record SlotView(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, int booked) {
    }

    @Schema(name = "SharedFacilityBooking")
    public record BookingView(UUID id, UUID slotId, String school, int places, Instant bookedAt,
                              @Schema(description = "When it was cancelled; null while it stands") Instant cancelledAt,
                              @Schema(description = "Why it was cancelled") String cancelReason,
                              @Schema(description = "The version, to send back in If-Match to cancel it") long version) {

        static BookingView of(FacilityBooking b) {
            return new BookingView(b.id, b.slotId, b.schoolCode, b.places, b.bookedAt, b.cancelledAt, b.cancelReason,
                    b.version);
        }
    }

    private final EntityManager em;
    private final SchoolRepository schools;
    private final PairingService pairings;
    private final AllianceService alliances;
    private final Audit audit;
    private final Outbox outbox;
    private final Caller caller;

    public SharedFacilityService(EntityManager em, SchoolRepository schools, PairingService pairings,
                                 AllianceService alliances, Audit audit, Outbox outbox, Caller caller) {
        this.em = em;
        this.schools = schools;
        this.pairings = pairings;
        this.alliances = alliances;
        this.audit = audit;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public FacilityView publish(String ownerSchool, String name, FacilityKind kind, String description) {
        School owner = school(ownerSchool);
        requireActsFor(owner, "publish resources of school " + ownerSchool);
        SharedFacility facility = new SharedFacility();
        facility.id = UUID.randomUUID();
        facility.ownerSchool = owner.code;
        facility.regionCode = owner.regionCode;
        facility.name = name.strip();
        facility.kind = kind;
        facility.description = description;
        facility.createdBy = caller.username();
        facility.persist();
        audit.record(caller.actor(), "resource.published", "shared-resource", facility.id.toString(),
                List.of(owner.regionCode), Map.of("owner", owner.code, "name", facility.name, "kind", kind));
        return view(facility);
    }

    @Transactional
    public FacilityView addSlot(UUID facilityId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity) {
        SharedFacility facility = facility(facilityId);
        School owner = school(facility.ownerSchool);
        requireActsFor(owner, "add slots to resources of school " + owner.code);
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.unprocessable("resource-rule", "Resource rule", "a slot must end after it starts");
        }
        // ON CONFLICT: of two concurrent requests for the same start, one adds the slot and the other is told so.
        int added = em.createNativeQuery("INSERT INTO resource_slot (id, resource_id, starts_at, ends_at, capacity) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (resource_id, starts_at) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, facilityId).setParameter(3, startsAt)
                .setParameter(4, endsAt).setParameter(5, capacity).executeUpdate();
        if (added == 0) {
            throw ProblemException.conflict("slot-exists", "This resource already has a slot starting at " + startsAt);
        }
        return view(facility);
    }

    /** Books places in a slot for a partner school; a full slot answers 409, also under concurrent bookings. */
    @Transactional
    public BookingView book(UUID facilityId, UUID slotId, String schoolCode, int places) {
        School owner = school(facility(facilityId).ownerSchool);
        School booker = school(schoolCode);
        requireActsFor(booker, "book for school " + schoolCode);
        if (!partners(owner.code, booker.code)) {
            throw ProblemException.forbidden("not-a-partner", "Not a partner school",
                    "School " + schoolCode + " has no active pairing or alliance with " + owner.code);
        }
        // One conditional update: concurrent bookings queue on the row and none takes the slot past its capacity.
        int reserved = em.createQuery("update FacilitySlot s set s.booked = s.booked + :places "
                        + "where s.id = :slot and s.facilityId = :facility and s.booked + :places <= s.capacity")
                .setParameter("places", places).setParameter("slot", slotId).setParameter("facility", facilityId)
                .executeUpdate();
        if (reserved == 0) {
            if (FacilitySlot.count("id = ?1 and facilityId = ?2", slotId, facilityId) == 0) {
                throw ProblemException.notFound("Slot " + slotId);
            }
            throw ProblemException.conflict("slot-full", "Not enough places left in this slot for " + places);
        }
        FacilityBooking booking = new FacilityBooking();
        booking.id = UUID.randomUUID();
        booking.slotId = slotId;
        booking.schoolCode = booker.code;
        booking.places = places;
        booking.bookedBy = caller.username();
        booking.bookedAt = Instant.now();
        booking.persist();
        audit.record(caller.actor(), "resource.booked", "shared-resource", facilityId.toString(),
                List.of(owner.regionCode, booker.regionCode).stream().distinct().toList(),
                Map.of("slot", slotId.toString(), "school", booker.code, "places", places));
        return BookingView.of(booking);
    }

    /**
     * Cancels a booking, by whoever acts for the booking school or for the owner (a visit called off, the facility
     * closed that day), with its version in If-Match: its places return to the slot, the booking stays, marked, and
     * both regions are told.
     */
    @Transactional
    public BookingView cancel(UUID facilityId, UUID slotId, UUID bookingId, String reason, String ifMatch) {
        SharedFacility facility = facility(facilityId);
        FacilityBooking booking = FacilityBooking.findById(bookingId);
        FacilitySlot slot = FacilitySlot.findById(slotId);
        if (booking == null || slot == null || !booking.slotId.equals(slotId) || !slot.facilityId.equals(facilityId)) {
            throw ProblemException.notFound("Booking " + bookingId);
        }
        School owner = school(facility.ownerSchool);
        School booker = school(booking.schoolCode);
        RegionScope scope = caller.scope();
        boolean actsForEither = scope.coversSchool(owner.regionCode, owner.code)
                || scope.coversSchool(booker.regionCode, booker.code);
        // Nobody else learns that the booking exists.
        scope.requireReadable(actsForEither, "Booking " + bookingId);
        if (booking.cancelledAt != null) {
            throw ProblemException.conflict("booking-cancelled", "Booking " + bookingId + " was cancelled on "
                    + booking.cancelledAt);
        }
        Versions.requireMatch(ifMatch, booking.version);
        em.createQuery("update FacilitySlot s set s.booked = s.booked - :places where s.id = :slot")
                .setParameter("places", booking.places).setParameter("slot", slotId).executeUpdate();
        booking.cancelledAt = Instant.now();
        booking.cancelledBy = caller.username();
        booking.cancelReason = reason;
        em.flush();
        List<String> regions = List.of(owner.regionCode, booker.regionCode).stream().distinct().toList();
        outbox.record(FacilityBookingCancelled.TYPE, facilityId.toString(), regions, new FacilityBookingCancelled(
                booking.id.toString(), facilityId.toString(), slotId.toString(), owner.code, booker.code,
                booking.places, slot.startsAt.atOffset(CHINA), reason, booking.cancelledAt));
        audit.record(caller.actor(), "resource.booking-cancelled", "shared-resource", facilityId.toString(), regions,
                Map.of("booking", booking.id.toString(), "school", booker.code, "places", booking.places,
                        "reason", reason));
        return BookingView.of(booking);
    }

    /** Facilities of a school, for callers who may see that school or whose school is its partner. */
    public List<FacilityView> ofOwner(String ownerSchool) {
        // Unknown and out-of-scope answer alike, so school codes cannot be probed.
        School owner = schools.findByIdOptional(ownerSchool).orElseThrow(() -> ProblemException.notFound("School " + ownerSchool));
        RegionScope scope = caller.scope();
        boolean visible = scope.coversSchool(owner.regionCode, owner.code)
                || caller.schoolCode().map(own -> partners(owner.code, own)).orElse(false);
        scope.requireReadable(visible, "School " + ownerSchool);
        List<SharedFacility> facilities = SharedFacility.list("ownerSchool", Sort.by("createdAt"), owner.code);
        if (facilities.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SlotView>> slots = FacilitySlot.<FacilitySlot>list("facilityId in ?1",
                        Sort.by("startsAt"), facilities.stream().map(f -> f.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.facilityId, Collectors.mapping(SharedFacilityService::slotView,
                        Collectors.toList())));
        return facilities.stream().map(f -> view(f, slots.getOrDefault(f.id, List.of()))).toList();
    }

    private FacilityView view(SharedFacility facility) {
        List<FacilitySlot> slots = FacilitySlot.list("facilityId", Sort.by("startsAt"), facility.id);
        return view(facility, slots.stream().map(SharedFacilityService::slotView).toList());
    }

    private static FacilityView view(SharedFacility f, List<SlotView> slots) {
        return new FacilityView(f.id, f.ownerSchool, f.name, f.kind, f.description, slots);
    }

    private static SlotView slotView(FacilitySlot s) {
        return new SlotView(s.id, s.startsAt.atOffset(CHINA), s.endsAt.atOffset(CHINA), s.capacity, s.booked);
    }

    private static SharedFacility facility(UUID id) {
        return SharedFacility.<SharedFacility>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Resource " + id));
    }

    /** An ACTIVE pairing between the two schools, or membership of a common alliance. */
    private boolean partners(String a, String b) {
        return !a.equals(b) && (pairings.activeBetween(a, b).isPresent() || alliances.shareAlliance(a, b));
    }

    /** An officer of the school's region, or the admin of that very school. */
    private void requireActsFor(School school, String what) {
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(school.regionCode, school.code), "To " + what);
    }

    private School school(String code) {
        return schools.requireRegistered(code, "School");
    }
}
