package org.xietong.healthcare.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.consortium.Consortium;
import org.xietong.healthcare.consortium.ConsortiumRepository;
import org.xietong.healthcare.consortium.InstitutionAccess;
import org.xietong.healthcare.institution.Capability;
import org.xietong.healthcare.institution.Institution;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.contracts.healthcare.ConsultationCancelled;
import org.xietong.contracts.healthcare.ConsultationChanged;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Remote consultation between two members of a consortium: the requesting institution's staff ask, the consulting
 * institution's staff accept, schedule, complete or decline. The deadline is fixed at request time from the
 * urgency's SLA.
 */
@ApplicationScoped
public class ConsultationService {

    private final ConsultationRepository consultations;
    private final ConsortiumRepository consortia;
    private final InstitutionAccess access;
    private final ConsultationClock clock;
    private final Caller caller;
    private final Audit audit;
    private final Outbox outbox;

    public ConsultationService(ConsultationRepository consultations, ConsortiumRepository consortia,
                               InstitutionAccess access, ConsultationClock clock, Caller caller, Audit audit,
                               Outbox outbox) {
        this.outbox = outbox;
        this.consultations = consultations;
        this.consortia = consortia;
        this.access = access;
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
    }

    public Page<ConsultationView> search(ConsultationStatus status, String institution, int page, int size) {
        caller.listingPrefix(); // refuses a caller without a region
        Instant now = clock.now();
        return Pages.of(consultations.search(caller.scope(), status, institution), page, size,
                c -> ConsultationView.of(c, now));
    }

    public Page<ConsultationView> overdue(int page, int size) {
        caller.listingPrefix(); // refuses a caller without a region
        Instant now = clock.now();
        return Pages.of(consultations.overdue(caller.scope(), now), page, size, c -> ConsultationView.of(c, now));
    }

    public ConsultationView get(long id) {
        return ConsultationView.of(readable(id), clock.now());
    }

    @Transactional
    public ConsultationView request(ConsultationRequest request) {
        Institution requester = access.require(request.requesterCode(), "requesterCode");
        caller.scope().requireWritable(access.staffOf(requester.regionCode, requester.code),
                "institution " + requester.code);
        Institution consultant = access.require(request.consultantCode(), "consultantCode");
        Consortium consortium = consortia.findById(request.consortiumId());
        if (consortium == null) {
            throw unprocessable("unknown-consortium", "Consortium " + request.consortiumId() + " does not exist");
        }
        if (consortia.member(consortium.id, requester.code).isEmpty()) {
            throw unprocessable("not-a-member", "Institution " + requester.code + " is not a member of consortium "
                    + request.consortiumId());
        }
        if (consortia.member(consortium.id, consultant.code).isEmpty()) {
            throw unprocessable("not-a-member", "Institution " + consultant.code + " is not a member of consortium "
                    + consortium.id);
        }
        if (!consultant.has(Capability.REMOTE_CONSULTATION)) {
            throw unprocessable("not-a-consultation-node", "Institution " + consultant.code
                    + " is not a remote-consultation node");
        }
        Instant now = clock.now();
        Consultation c = new Consultation();
        c.consortiumId = consortium.id;
        c.requesterCode = requester.code;
        c.requesterRegion = requester.regionCode;
        c.consultantCode = consultant.code;
        c.consultantRegion = consultant.regionCode;
        c.specialty = request.specialty().strip();
        c.urgency = request.urgency();
        c.status = ConsultationStatus.REQUESTED;
        c.question = request.question();
        c.patientRef = request.patientRef();
        c.requestedBy = caller.username();
        c.requestedAt = now;
        c.deadline = now.plus(request.urgency().sla());
        consultations.persistAndFlush(c);
        publish(c, now);
        record(c, "consultation.requested", Map.of("consortium", c.consortiumId, "urgency", c.urgency,
                "deadline", c.deadline.toString()));
        return ConsultationView.of(c, now);
    }

    @Transactional
    public ConsultationView accept(long id, String ifMatch) {
        Consultation c = consultantAction(id, ifMatch, ConsultationStatus.ACCEPTED);
        return changed(c, Map.of());
    }

    @Transactional
    public ConsultationView decline(long id, DeclineRequest request, String ifMatch) {
        Consultation c = consultantAction(id, ifMatch, ConsultationStatus.DECLINED);
        c.declineReason = request.reason();
        c.closedAt = clock.now();
        return changed(c, Map.of("reasonGiven", request.reason() != null));
    }

    @Transactional
    public ConsultationView schedule(long id, ScheduleConsultationRequest request, String ifMatch) {
        Instant at = request.scheduledAt().toInstant();
        Consultation c = consultantAction(id, ifMatch, ConsultationStatus.SCHEDULED);
        if (at.isBefore(clock.now())) {
            throw unprocessable("slot-in-the-past", "The consultation cannot be scheduled in the past (" + at + ")");
        }
        c.scheduledAt = at;
        return changed(c, Map.of("scheduledAt", at.toString()));
    }

    @Transactional
    public ConsultationView complete(long id, CompleteRequest request, String ifMatch) {
        Consultation c = consultantAction(id, ifMatch, ConsultationStatus.COMPLETED);
        c.report = request.report();
        c.closedAt = clock.now();
        // The report is clinical content: the audit trail notes that it was written, not what it says.
        return changed(c, Map.of("reportLength", request.report().length()));
    }

    /**
     * The requesting institution withdraws a consultation it no longer needs, with the reason, until it is
     * completed; the consulting side is told (org.xietong.healthcare.consultation.cancelled.v1).
     */
    @Transactional
    public ConsultationView cancel(long id, String reason, String ifMatch) {
        Consultation c = readable(id);
        caller.scope().requireWritable(access.staffOf(c.requesterRegion, c.requesterCode),
                "consultation " + id + " (only the requesting institution cancels it)");
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, c.version);
        }
        if (!c.status.canMoveTo(ConsultationStatus.CANCELLED)) {
            throw ProblemException.conflict("illegal-transition", "Consultation " + id + " is " + c.status
                    + "; it cannot be cancelled");
        }
        c.status = ConsultationStatus.CANCELLED;
        c.cancelReason = reason;
        c.closedAt = clock.now();
        // The reason may describe the patient: the trail and the event say that it was cancelled, not why.
        ConsultationView view = changed(c, Map.of("reasonGiven", true));
        outbox.record(ConsultationCancelled.TYPE, String.valueOf(c.id),
                List.of(c.requesterRegion, c.consultantRegion).stream().distinct().toList(), c.cancelled());
        return view;
    }

    private Consultation consultantAction(long id, String ifMatch, ConsultationStatus target) {
        Consultation c = readable(id);
        caller.scope().requireWritable(access.staffOf(c.consultantRegion, c.consultantCode),
                "consultation " + id + " (only the consulting institution acts on it)");
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, c.version);
        }
        if (!c.status.canMoveTo(target)) {
            throw ProblemException.conflict("illegal-transition", "Consultation " + id + " is " + c.status
                    + "; it cannot become " + target + " (allowed: " + c.status.next() + ")");
        }
        c.status = target;
        return c;
    }

    private ConsultationView changed(Consultation c, Map<String, Object> details) {
        Instant now = clock.now();
        consultations.flush();
        if (c.status != ConsultationStatus.CANCELLED) {
            publish(c, now);
        }
        Map<String, Object> summary = new HashMap<>(details);
        summary.put("status", c.status);
        record(c, "consultation." + c.status.name().toLowerCase(Locale.ROOT), summary);
        return ConsultationView.of(c, now);
    }

    /** A step both institutions' regions are told of; cancellation has its own event. */
    private void publish(Consultation c, Instant at) {
        outbox.record(ConsultationChanged.type(c.status.name()), String.valueOf(c.id),
                List.of(c.requesterRegion, c.consultantRegion).stream().distinct().toList(), c.changed(at));
    }

    private Consultation readable(long id) {
        Consultation c = consultations.findById(id);
        caller.scope().requireReadable(c != null && (access.sees(c.requesterRegion, c.requesterCode)
                || access.sees(c.consultantRegion, c.consultantCode)), "consultation " + id);
        return c;
    }

    private void record(Consultation c, String action, Map<String, ?> summary) {
        audit.record(caller.actor(), action, "consultation", String.valueOf(c.id),
                List.of(c.requesterRegion, c.consultantRegion).stream().distinct().toList(), summary);
    }

    private static ProblemException unprocessable(String slug, String detail) {
        return ProblemException.unprocessable(slug, "Unprocessable consultation request", detail);
    }
}
