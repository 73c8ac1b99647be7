package org.xietong.pairing.activity;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.xietong.contracts.pairing.ActivityRecorded;
import org.xietong.contracts.pairing.ActivityWithdrawn;
import org.xietong.contracts.rotation.ExchangeConfirmed;
import org.xietong.pairing.agreement.Pairing;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.agreement.PairingService;
import org.xietong.pairing.agreement.PairingStatus;
import org.xietong.pairing.alliance.Alliance;
import org.xietong.pairing.alliance.AllianceService;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.Actor;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The activity ledger of pairings, alliances, school districts and regions, and the report of pairings where
 * nothing happens.
 */
@ApplicationScoped
public class ActivityService {

    public record DormantPairing(UUID pairingId, PairingKind kind, String supportingParty, String supportedParty,
                                 LocalDate lastActivity, LocalDate lastSign, long idleDays) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Actor EXCHANGES = Actor.system("pairing.rotation-exchanges");

    private final PairingService pairings;
    private final AllianceService alliances;
    private final SchoolRepository schools;
    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;

    public ActivityService(PairingService pairings, AllianceService alliances, SchoolRepository schools,
                           EntityManager em, Outbox outbox, Audit audit, Caller caller) {
        this.pairings = pairings;
        this.alliances = alliances;
        this.schools = schools;
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    /** Where an activity hangs: its pairing, alliance or region, with the regions it concerns. */
    record Host(UUID pairingId, UUID allianceId, String region, String subject, List<String> regionCodes) {

        static Host of(Pairing pairing) {
            return new Host(pairing.id, null, null, pairing.id.toString(), pairing.regionCodes());
        }

        static Host of(Alliance alliance) {
            return new Host(null, alliance.id, null, alliance.id.toString(), alliance.regionCodes());
        }

        /** A region's activity concerns the region and the districts of the schools taking part. */
        static Host of(String region, Collection<School> schools) {
            Set<String> regions = new TreeSet<>();
            regions.add(region);
            schools.forEach(s -> regions.add(s.regionCode));
            return new Host(null, null, region, region, List.copyOf(regions));
        }

        /** The audit's entity kind: the trail of the pairing, the alliance or the region. */
        String entity() {
            return pairingId != null ? "pairing" : allianceId != null ? "alliance" : "region";
        }

        void place(Activity activity) {
            activity.pairingId = pairingId;
            activity.allianceId = allianceId;
            activity.hostRegion = region;
        }
    }

    @Transactional
    public ActivityView record(RecordActivity request) {
        Set<String> participants = new LinkedHashSet<>(request.schools());
        Host host;
        if (request.pairingId() != null) {
            Pairing pairing = writablePairing(request.pairingId());
            if (pairing.status != PairingStatus.ACTIVE) {
                throw ProblemException.conflict("pairing-not-active", "Activities are recorded on ACTIVE pairings; this one is " + pairing.status);
            }
            requireParticipants(pairing, participants);
            host = Host.of(pairing);
        } else if (request.allianceId() != null) {
            Alliance alliance = writableAlliance(request.allianceId());
            for (String school : participants) {
                if (!alliance.hasMember(school)) {
                    rule("school " + school + " is not a member of " + alliance.name);
                }
            }
            host = Host.of(alliance);
        } else {
            String region = writableRegion(request.hostRegion());
            host = Host.of(region, schoolsOf(region, participants));
        }
        Activity activity = new Activity();
        host.place(activity);
        activity.kind = request.kind();
        activity.mode = request.mode();
        activity.startDate = request.startDate();
        activity.endDate = request.endDate();
        activity.place = request.place();
        activity.schools = participants;
        activity.students = request.students();
        activity.teachers = request.teachers();
        activity.classes = request.classes();
        activity.summary = request.summary();
        return ActivityView.of(save(host, activity, caller.actor()));
    }

    /**
     * Within a transaction, from rotation-service's event: a confirmed teacher exchange between two schools is an
     * activity of their ACTIVE pairing, or else of an alliance or school district both belong to. Returns whether
     * one was recorded.
     */
    public boolean recordExchange(ExchangeConfirmed exchange) {
        Optional<Host> host = pairings.activeBetween(exchange.fromSchool(), exchange.toSchool()).map(Host::of)
                .or(() -> alliances.sharedBy(exchange.fromSchool(), exchange.toSchool()).map(Host::of));
        if (host.isEmpty()) {
            return false;
        }
        Activity activity = new Activity();
        host.get().place(activity);
        activity.kind = "SHADOWING".equals(exchange.mode()) ? ActivityKind.SHADOWING : ActivityKind.OTHER;
        activity.startDate = exchange.startDate();
        activity.endDate = exchange.startDate().plusMonths(exchange.months()).minusDays(1);
        activity.schools = new LinkedHashSet<>(List.of(exchange.fromSchool(), exchange.toSchool()));
        activity.teachers = exchange.teachers();
        activity.summary = "交流轮岗 teacher exchange " + exchange.exchangeId() + ": " + exchange.teachers() + " teacher(s), "
                + exchange.mode() + ", " + exchange.months() + " month(s)";
        save(host.get(), activity, EXCHANGES);
        return true;
    }

    /**
     * Withdraws an activity recorded by mistake, with the reason, by whoever may record the pairing's activities: it
     * stays in the ledger, marked, no longer counts against dormancy, and the withdrawal is published.
     */
    @Transactional
    public ActivityView withdraw(UUID activityId, String reason, String ifMatch) {
        Activity activity = em.find(Activity.class, activityId);
        if (activity == null) {
            throw ProblemException.notFound("Activity " + activityId);
        }
        Host host = activity.pairingId != null ? Host.of(writablePairing(activity.pairingId))
                : activity.allianceId != null ? Host.of(writableAlliance(activity.allianceId))
                : Host.of(writableRegion(activity.hostRegion), schools.byCodes(activity.schools));
        if (activity.withdrawnAt != null) {
            throw ProblemException.conflict("activity-withdrawn", "Activity " + activityId + " was withdrawn on "
                    + activity.withdrawnAt);
        }
        Versions.requireMatch(ifMatch, activity.version);
        activity.withdrawnAt = Instant.now();
        activity.withdrawnBy = caller.username();
        activity.withdrawalReason = reason;
        em.flush();
        outbox.record(ActivityWithdrawn.TYPE, host.subject(), host.regionCodes(), new ActivityWithdrawn(
                activity.id.toString(), text(host.pairingId()), text(host.allianceId()), host.region(),
                activity.kind.name(), activity.startDate, activity.endDate, reason, activity.withdrawnAt));
        audit.record(caller.actor(), "activity.withdrawn", host.entity(), host.subject(), host.regionCodes(),
                Map.of("activity", activity.id.toString(), "reason", reason));
        return ActivityView.of(activity);
    }

    private Activity save(Host host, Activity activity, Actor actor) {
        activity.id = UUID.randomUUID();
        activity.createdBy = actor.name();
        em.persist(activity);
        // Hibernate stamps created_at when it writes the row, which the view shows.
        em.flush();
        outbox.record(ActivityRecorded.TYPE, host.subject(), host.regionCodes(), new ActivityRecorded(
                activity.id.toString(), text(host.pairingId()), text(host.allianceId()), host.region(),
                activity.kind.name(), activity.startDate, activity.endDate, List.copyOf(activity.schools),
                activity.students, activity.teachers, activity.classes));
        audit.record(actor, "activity.recorded", host.entity(), host.subject(), host.regionCodes(),
                Map.of("activity", activity.id.toString(), "kind", activity.kind, "startDate", activity.startDate.toString()));
        return activity;
    }

    public Page<ActivityView> list(UUID pairingId, int page, int size) {
        pairings.visible(pairingId);
        return listed("pairingId", pairingId, page, size);
    }

    public Page<ActivityView> listForAlliance(UUID allianceId, int page, int size) {
        alliances.visible(allianceId);
        return listed("allianceId", allianceId, page, size);
    }

    /** A region's own activities: a report on the region, like its coverage, for callers overseeing it. */
    public Page<ActivityView> listForRegion(String region, int page, int size) {
        RegionScope scope = caller.scope();
        if (!RegionCode.isValid(region) || !scope.covers(region) || scope.school().isPresent()) {
            throw ProblemException.forbidden("Region " + region + " is outside your scope");
        }
        return listed("hostRegion", region, page, size);
    }

    private static Page<ActivityView> listed(String host, Object id, int page, int size) {
        return Pages.of(Activity.<Activity>find(host, Sort.descending("startDate").and("id"), id), page, size,
                ActivityView::of);
    }

    private Pairing writablePairing(UUID id) {
        Pairing pairing = pairings.visible(id);
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(pairing.regionCodes()), "Pairing " + pairing.id);
        return pairing;
    }

    /** Any member's officers, and a member school's own staff, record an alliance's activities. */
    private Alliance writableAlliance(UUID id) {
        Alliance alliance = alliances.visible(id);
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(alliance.regionCodes()), "Alliance " + alliance.id);
        return alliance;
    }

    /** A region hosts what its officers organise; a school-bound caller speaks for its school, not the region. */
    private String writableRegion(String region) {
        RegionScope scope = caller.scope();
        scope.requireWritable(RegionCode.isValid(region) && scope.covers(region) && scope.school().isEmpty(),
                "Region " + region);
        return region;
    }

    /** A region's activity brings together several registered schools of that region: those schools. */
    private Collection<School> schoolsOf(String region, Set<String> participants) {
        if (participants.size() < 2) {
            rule("an activity of region " + region + " names at least two of its schools; one school's own activity "
                    + "is not recorded here");
        }
        Map<String, School> known = new HashMap<>();
        schools.byCodes(participants).forEach(s -> known.put(s.code, s));
        for (String school : participants) {
            School s = known.get(school);
            if (s == null || !RegionCode.covers(region, s.regionCode)) {
                rule("school " + school + " is not a registered school of region " + region);
            }
        }
        return known.values();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** ACTIVE pairings in the caller's scope with no activity for {@code threshold}, the longest idle first. */
    public List<DormantPairing> dormant(Period threshold) {
        List<Pairing> active = pairings.activeVisible();
        Map<UUID, LocalDate> lastActivity = lastActivities(active.stream().map(p -> p.id).toList());
        LocalDate today = LocalDate.now(CHINA);
        List<DormantPairing> dormant = new ArrayList<>();
        for (Pairing p : active) {
            LocalDate activeSince = p.activatedAt != null ? LocalDate.ofInstant(p.activatedAt, CHINA) : p.termStart;
            LocalDate last = lastActivity.get(p.id);
            if (last != null && last.isAfter(today)) {
                last = today; // an exchange still running counts as activity today, not beyond
            }
            LocalDate sign = Dormancy.lastSign(activeSince, last);
            if (Dormancy.isDormant(today, sign, threshold)) {
                dormant.add(new DormantPairing(p.id, p.kind, p.supportingParty, p.supportedParty, last, sign,
                        Dormancy.idleDays(today, sign)));
            }
        }
        dormant.sort(Comparator.comparingLong(DormantPairing::idleDays).reversed().thenComparing(d -> d.pairingId().toString()));
        return dormant;
    }

    private void requireParticipants(Pairing pairing, Set<String> participants) {
        if (pairing.kind != PairingKind.REGION) {
            for (String school : participants) {
                if (!school.equals(pairing.supportingParty) && !school.equals(pairing.supportedParty)) {
                    rule("school " + school + " is not a party of this pairing");
                }
            }
            return;
        }
        Map<String, School> known = new HashMap<>();
        schools.byCodes(participants).forEach(s -> known.put(s.code, s));
        for (String school : participants) {
            School s = known.get(school);
            if (s == null || !pairing.regionCodes().contains(s.regionCode)) {
                rule("school " + school + " is not a registered school of " + pairing.regionCodes());
            }
        }
    }

    /** The end of a pairing's latest activity. */
    public record LastActivity(UUID pairingId, LocalDate endDate) {
    }

    private Map<UUID, LocalDate> lastActivities(List<UUID> pairingIds) {
        Map<UUID, LocalDate> last = new HashMap<>();
        if (pairingIds.isEmpty()) {
            return last;
        }
        em.createQuery("select a.pairingId, max(a.endDate) from Activity a where a.pairingId in :ids and a.withdrawnAt is null "
                        + "group by a.pairingId", LastActivity.class).setParameter("ids", pairingIds).getResultList()
                .forEach(a -> last.put(a.pairingId(), a.endDate()));
        return last;
    }

    private static void rule(String detail) {
        throw ProblemException.unprocessable("activity-rule", "Activity rule", detail);
    }
}
