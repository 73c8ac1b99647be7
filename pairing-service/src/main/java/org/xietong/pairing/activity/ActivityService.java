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
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Actor;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The activity ledger of pairings, and the report of pairings where nothing happens. */
@ApplicationScoped
public class ActivityService {

    public record DormantPairing(UUID pairingId, PairingKind kind, String supportingParty, String supportedParty,
                                 LocalDate lastActivity, LocalDate lastSign, long idleDays) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Actor EXCHANGES = Actor.system("pairing.rotation-exchanges");

    private final PairingService pairings;
    private final SchoolRepository schools;
    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;

    public ActivityService(PairingService pairings, SchoolRepository schools, EntityManager em, Outbox outbox,
                           Audit audit, Caller caller) {
        this.pairings = pairings;
        this.schools = schools;
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public ActivityView record(RecordActivity request) {
        Pairing pairing = pairings.visible(request.pairingId());
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(pairing.regionCodes()), "Pairing " + pairing.id);
        if (pairing.status != PairingStatus.ACTIVE) {
            throw ProblemException.conflict("pairing-not-active", "Activities are recorded on ACTIVE pairings; this one is " + pairing.status);
        }
        Set<String> participants = new LinkedHashSet<>(request.schools());
        requireParticipants(pairing, participants);
        Activity activity = new Activity();
        activity.pairingId = pairing.id;
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
        return ActivityView.of(save(pairing, activity, caller.actor()));
    }

    /**
     * Within a transaction, from rotation-service's event: a confirmed teacher exchange between two schools is an
     * activity of their ACTIVE pairing, if they have one. Returns whether one was recorded.
     */
    public boolean recordExchange(ExchangeConfirmed exchange) {
        Optional<Pairing> pairing = pairings.activeBetween(exchange.fromSchool(), exchange.toSchool());
        if (pairing.isEmpty()) {
            return false;
        }
        Activity activity = new Activity();
        activity.pairingId = pairing.get().id;
        activity.kind = "SHADOWING".equals(exchange.mode()) ? ActivityKind.SHADOWING : ActivityKind.OTHER;
        activity.startDate = exchange.startDate();
        activity.endDate = exchange.startDate().plusMonths(exchange.months()).minusDays(1);
        activity.schools = new LinkedHashSet<>(List.of(exchange.fromSchool(), exchange.toSchool()));
        activity.teachers = exchange.teachers();
        activity.summary = "交流轮岗 teacher exchange " + exchange.exchangeId() + ": " + exchange.teachers() + " teacher(s), "
                + exchange.mode() + ", " + exchange.months() + " month(s)";
        save(pairing.get(), activity, EXCHANGES);
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
        Pairing pairing = pairings.visible(activity.pairingId);
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversAny(pairing.regionCodes()), "Pairing " + pairing.id);
        if (activity.withdrawnAt != null) {
            throw ProblemException.conflict("activity-withdrawn", "Activity " + activityId + " was withdrawn on "
                    + activity.withdrawnAt);
        }
        Versions.requireMatch(ifMatch, activity.version);
        activity.withdrawnAt = Instant.now();
        activity.withdrawnBy = caller.username();
        activity.withdrawalReason = reason;
        em.flush();
        outbox.record(ActivityWithdrawn.TYPE, pairing.id.toString(), pairing.regionCodes(), new ActivityWithdrawn(
                activity.id.toString(), pairing.id.toString(), activity.kind.name(), activity.startDate,
                activity.endDate, reason, activity.withdrawnAt));
        audit.record(caller.actor(), "activity.withdrawn", "pairing", pairing.id.toString(), pairing.regionCodes(),
                Map.of("activity", activity.id.toString(), "reason", reason));
        return ActivityView.of(activity);
    }

    private Activity save(Pairing pairing, Activity activity, Actor actor) {
        activity.id = UUID.randomUUID();
        activity.createdBy = actor.name();
        em.persist(activity);
        // Hibernate stamps created_at when it writes the row, which the view shows.
        em.flush();
        outbox.record(ActivityRecorded.TYPE, pairing.id.toString(), pairing.regionCodes(), new ActivityRecorded(
                activity.id.toString(), pairing.id.toString(), activity.kind.name(), activity.startDate, activity.endDate,
                List.copyOf(activity.schools), activity.students, activity.teachers, activity.classes));
        audit.record(actor, "activity.recorded", "pairing", pairing.id.toString(), pairing.regionCodes(),
                Map.of("activity", activity.id.toString(), "kind", activity.kind, "startDate", activity.startDate.toString()));
        return activity;
    }

    public Page<ActivityView> list(UUID pairingId, int page, int size) {
        pairings.visible(pairingId);
        return Pages.of(Activity.<Activity>find("pairingId", Sort.descending("startDate").and("id"), pairingId),
                page, size, ActivityView::of);
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
