package org.xietong.rotation.assignment;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.contracts.rotation.AssignmentChanged;
import org.xietong.contracts.rotation.ExchangeConfirmed;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;
import org.xietong.rotation.dossier.DossierEntry;
import org.xietong.rotation.dossier.DossierService;
import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.post.DemandPost;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherAccess;
import org.xietong.rotation.teacher.TeacherRepository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * 派单 → 接单 → 评单. The teacher (or their school) accepts or declines; the district officers of both schools
 * confirm (one officer covering both confirms both); the receiving school starts and completes the service and
 * evaluates it. Every step is an event; confirmation also publishes the exchange pairing-service records as an
 * activity, and completion and evaluation go into the teacher's growth dossier.
 */
@ApplicationScoped
public class AssignmentService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TeacherRepository teachers;
    private final TeacherAccess access;
    private final DossierService dossiers;
    private final Caller caller;
    private final Outbox outbox;
    private final Audit audit;

    public AssignmentService(TeacherRepository teachers, TeacherAccess access, DossierService dossiers, Caller caller,
                             Outbox outbox, Audit audit) {
        this.teachers = teachers;
        this.access = access;
        this.dossiers = dossiers;
        this.caller = caller;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Within a run's transaction: the proposal as a PROPOSED assignment. */
    public Assignment propose(UUID runId, Teacher teacher, DemandPost post, MatchingResult.Proposal proposal) {
        Assignment a = proposed(teacher, post, proposal.slot(), proposal.points());
        a.runId = runId;
        a.persist();
        publish(a, AssignmentChanged.PROPOSED, Map.of("run", runId.toString(), "points", a.points));
        return a;
    }

    /** A nomination's assignment, proposed without a run (its checks are {@link NominationService}'s). */
    Assignment nominate(Teacher teacher, DemandPost post, MatchingResult.Slot slot, String reason) {
        Assignment a = proposed(teacher, post, slot, NO_POINTS);
        a.nominatedBy = caller.username();
        a.nominationReason = reason;
        a.persist();
        publish(a, AssignmentChanged.PROPOSED, Map.of("nomination", reason));
        return a;
    }

    /** A nomination is not scored: nobody was ranked. */
    private static final MatchingResult.Points NO_POINTS = new MatchingResult.Points(0, 0, 0, 0, 0, 0, 0);

    private static Assignment proposed(Teacher teacher, DemandPost post, MatchingResult.Slot slot,
                                       MatchingResult.Points points) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.teacherId = teacher.id;
        a.postId = post.id;
        a.slot = slot;
        a.mode = post.mode;
        a.fromSchool = teacher.schoolCode;
        a.fromRegion = teacher.regionCode;
        a.toSchool = post.schoolCode;
        a.toRegion = post.regionCode;
        a.startDate = post.startDate;
        a.months = post.months;
        a.points = points.total();
        a.pointsBreakdown = points;
        a.status = AssignmentStatus.PROPOSED;
        return a;
    }

    public AssignmentView get(UUID id) {
        return AssignmentView.of(visible(id));
    }

    public Page<AssignmentView> search(String region, AssignmentStatus status, Long teacherId, UUID runId, int page,
                                       int size) {
        RegionScope scope = caller.scope();
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (access.isOnlyTeacher()) {
            Teacher self = teachers.byStaffNumber(caller.teacherId().orElse("-")).filter(access::isSelf).orElse(null);
            query.append(" and teacherId = :self");
            params.and("self", self == null ? -1L : self.id);
        } else if (!scope.all()) {
            if (!access.managesAnything()) {
                return new Page<>(List.of(), page, size, 0);
            }
            query.append(" and (fromRegion like :scope or toRegion like :scope)");
            params.and("scope", scope.listingPrefix() + "%");
            if (scope.school().isPresent()) {
                query.append(" and (fromSchool = :school or toSchool = :school)");
                params.and("school", scope.school().get());
            }
        }
        if (region != null) {
            query.append(" and (fromRegion like :region or toRegion like :region)");
            params.and("region", region + "%");
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (teacherId != null) {
            query.append(" and teacherId = :teacher");
            params.and("teacher", teacherId);
        }
        if (runId != null) {
            query.append(" and runId = :run");
            params.and("run", runId);
        }
        PanacheQuery<Assignment> found = Assignment.find(query.toString(), Sort.by("createdAt").and("id"), params);
        return Pages.of(found, page, size, AssignmentView::of);
    }

    @Transactional
    public AssignmentView accept(UUID id, String ifMatch) {
        Assignment a = forTeacherSide(id, ifMatch);
        require(a, AssignmentStatus.PROPOSED, "accepted");
        return step(a, AssignmentStatus.ACCEPTED, AssignmentChanged.ACCEPTED, Map.of());
    }

    @Transactional
    public AssignmentView decline(UUID id, String ifMatch, String reason) {
        Assignment a = forTeacherSide(id, ifMatch);
        require(a, AssignmentStatus.PROPOSED, "declined");
        return step(a, AssignmentStatus.DECLINED, AssignmentChanged.DECLINED,
                reason == null ? Map.of() : Map.of("reason", reason));
    }

    /**
     * The shadowing places offered to teachers of the caller's region, for its education authority (an officer or a
     * partner system with rotation:places), newest first.
     */
    public Page<ShadowingPlaceView> shadowingPlaces(AssignmentStatus status, int page, int size) {
        String scope = caller.listingPrefix();
        if (caller.scope().school().isPresent()) {
            return new Page<>(List.of(), page, size, 0);
        }
        PanacheQuery<Assignment> found = status == null
                ? Assignment.find("mode = ?1 and fromRegion like ?2", Sort.by("createdAt").descending().and("id"),
                        PostMode.SHADOWING, scope + "%")
                : Assignment.find("mode = ?1 and fromRegion like ?2 and status = ?3",
                        Sort.by("createdAt").descending().and("id"), PostMode.SHADOWING, scope + "%", status);
        return Pages.of(found, page, size, ShadowingPlaceView::of);
    }

    /** The sending region's authority accepts a shadowing place for its teacher (接单), as the teacher may. */
    @Transactional
    public ShadowingPlaceView acceptPlace(UUID id, String ifMatch) {
        Assignment a = forSendingAuthority(id, ifMatch);
        require(a, AssignmentStatus.PROPOSED, "accepted");
        step(a, AssignmentStatus.ACCEPTED, AssignmentChanged.ACCEPTED, Map.of("answeredFor", "teacher"));
        return ShadowingPlaceView.of(a);
    }

    @Transactional
    public ShadowingPlaceView declinePlace(UUID id, String ifMatch, String reason) {
        Assignment a = forSendingAuthority(id, ifMatch);
        require(a, AssignmentStatus.PROPOSED, "declined");
        step(a, AssignmentStatus.DECLINED, AssignmentChanged.DECLINED,
                reason == null ? Map.of("answeredFor", "teacher") : Map.of("answeredFor", "teacher", "reason", reason));
        return ShadowingPlaceView.of(a);
    }

    /** A shadowing place of a teacher the caller's region sends; anything else is not found. */
    private Assignment forSendingAuthority(UUID id, String ifMatch) {
        Assignment a = Assignment.findById(id);
        RegionScope scope = caller.scope();
        scope.requireReadable(a != null && a.mode == PostMode.SHADOWING && scope.school().isEmpty()
                && scope.covers(a.fromRegion), "shadowing place " + id);
        checkVersion(a, ifMatch);
        return a;
    }

    /** An officer of either side refuses a proposed or accepted assignment; the seat and the teacher are free again. */
    @Transactional
    public AssignmentView reject(UUID id, String ifMatch, String reason) {
        Assignment a = forOfficer(id, ifMatch);
        if (a.status != AssignmentStatus.PROPOSED && a.status != AssignmentStatus.ACCEPTED) {
            throw ProblemException.conflict("assignment-" + slug(a.status), "Assignment " + id + " is " + a.status
                    + "; only a PROPOSED or ACCEPTED assignment can be rejected");
        }
        return step(a, AssignmentStatus.REJECTED, AssignmentChanged.REJECTED,
                reason == null ? Map.of() : Map.of("reason", reason));
    }

    /**
     * An officer of either side ends a CONFIRMED or IN_SERVICE assignment early (the teacher fell ill, a school
     * closed): TERMINATED on {@code endedOn} (default today) with the reason; the teacher is free again, and a
     * service that had begun enters the growth dossier as served until that day, not counted as a full rotation.
     */
    @Transactional
    public AssignmentView terminate(UUID id, String ifMatch, Termination termination) {
        Assignment a = forOfficer(id, ifMatch);
        requireRunning(a, "terminated");
        LocalDate endedOn = termination.endedOn() == null ? LocalDate.now(CHINA) : termination.endedOn();
        if (endedOn.isAfter(a.endDate())) {
            throw ProblemException.unprocessable("termination-after-end", "Not an early end", "Assignment " + id
                    + " ends on " + a.endDate() + " anyway; " + endedOn + " is later");
        }
        boolean served = a.status == AssignmentStatus.IN_SERVICE;
        a.endedOn = endedOn.isBefore(a.startDate) ? a.startDate : endedOn;
        a.terminationReason = termination.reason().strip();
        a.extensionMonths = null;
        a.extensionFromBy = null;
        a.extensionToBy = null;
        AssignmentView view = step(a, AssignmentStatus.TERMINATED, AssignmentChanged.TERMINATED,
                Map.of("reason", a.terminationReason, "endedOn", a.endedOn.toString()));
        if (served) {
            dossiers.record(teachers.findById(a.teacherId), dossierKind(a.mode), describe(a) + ", ended early on "
                    + a.endedOn, a.terminationReason, a.startDate, a.endedOn, a.id, false, false);
        }
        return view;
    }

    /**
     * An officer agrees to extend a CONFIRMED or IN_SERVICE assignment by some months; once the officers of both
     * sides agreed to the same number (one officer covering both agrees for both), the assignment is that much
     * longer and org.xietong.rotation.assignment.extended.v1 is published.
     */
    @Transactional
    public AssignmentView extend(UUID id, String ifMatch, Extension extension) {
        Assignment a = forOfficer(id, ifMatch);
        requireRunning(a, "extended");
        boolean[] sides = officerSides(a);
        if (a.extensionMonths != null && !a.extensionMonths.equals(extension.months())) {
            throw ProblemException.conflict("extension-differs", "Another extension is pending", "The other side "
                    + "agreed to extend assignment " + id + " by " + a.extensionMonths + " month(s), not "
                    + extension.months() + "; agree to the same number of months");
        }
        if ((!sides[0] || a.extensionFromBy != null) && (!sides[1] || a.extensionToBy != null)) {
            throw ProblemException.conflict("already-agreed", "You have already agreed to this extension; the other "
                    + "school's officer has not yet");
        }
        a.extensionMonths = extension.months();
        if (sides[0] && a.extensionFromBy == null) {
            a.extensionFromBy = caller.username();
        }
        if (sides[1] && a.extensionToBy == null) {
            a.extensionToBy = caller.username();
        }
        if (a.extensionFromBy == null || a.extensionToBy == null) {
            Assignment.flush();
            audit.record(caller.actor(), "assignment.extension-agreed", "assignment", a.id.toString(), a.regionCodes(),
                    Map.of("months", extension.months(), "reason", extension.reason(), "side", sides[0] ? "from" : "to"));
            return AssignmentView.of(a);
        }
        a.months += a.extensionMonths;
        Map<String, Object> details = Map.of("extendedBy", a.extensionMonths, "reason", extension.reason());
        a.extensionMonths = null;
        a.extensionFromBy = null;
        a.extensionToBy = null;
        return step(a, a.status, AssignmentChanged.EXTENDED, details);
    }

    /** An assignment a district officer of either side acts on. */
    private Assignment forOfficer(UUID id, String ifMatch) {
        Assignment a = visible(id);
        checkVersion(a, ifMatch);
        boolean[] sides = officerSides(a);
        caller.scope().requireWritable(sides[0] || sides[1], "assignment " + id);
        return a;
    }

    /** Confirmed or in service: what may be ended early or extended. */
    private static void requireRunning(Assignment a, String action) {
        if (a.status != AssignmentStatus.CONFIRMED && a.status != AssignmentStatus.IN_SERVICE) {
            throw ProblemException.conflict("assignment-" + slug(a.status), "Assignment " + a.id + " is " + a.status
                    + "; only a CONFIRMED or IN_SERVICE assignment can be " + action);
        }
    }

    /** Whether the caller is an officer covering the sending side, and the receiving side. */
    private boolean[] officerSides(Assignment a) {
        RegionScope scope = caller.scope();
        boolean officer = (caller.hasRole(TeacherAccess.EDUCATION_OFFICER) || caller.hasRole(Caller.PLATFORM_ADMIN))
                && scope.school().isEmpty();
        return new boolean[]{officer && scope.covers(a.fromRegion), officer && scope.covers(a.toRegion)};
    }

    /** An officer confirms the side(s) their region covers; both sides confirmed makes it CONFIRMED. */
    @Transactional
    public AssignmentView confirm(UUID id, String ifMatch) {
        Assignment a = visible(id);
        checkVersion(a, ifMatch);
        boolean[] sides = officerSides(a);
        boolean from = sides[0];
        boolean to = sides[1];
        caller.scope().requireWritable(from || to, "assignment " + id);
        require(a, AssignmentStatus.ACCEPTED, "confirmed");
        if ((!from || a.fromConfirmedBy != null) && (!to || a.toConfirmedBy != null)) {
            throw ProblemException.conflict("already-confirmed", "You have already confirmed your side of assignment "
                    + id + "; the other school's officer has not yet");
        }
        if (from && a.fromConfirmedBy == null) {
            a.fromConfirmedBy = caller.username();
        }
        if (to && a.toConfirmedBy == null) {
            a.toConfirmedBy = caller.username();
        }
        if (a.fromConfirmedBy == null || a.toConfirmedBy == null) {
            return step(a, AssignmentStatus.ACCEPTED, AssignmentChanged.APPROVED,
                    Map.of("side", from ? "from" : "to"));
        }
        AssignmentView view = step(a, AssignmentStatus.CONFIRMED, AssignmentChanged.CONFIRMED, Map.of());
        outbox.record(ExchangeConfirmed.TYPE, a.id.toString(), a.regionCodes(), new ExchangeConfirmed(a.id.toString(),
                a.fromSchool, a.toSchool, a.mode.name(), 1, a.startDate, a.months));
        return view;
    }

    @Transactional
    public AssignmentView start(UUID id, String ifMatch) {
        Assignment a = forReceivingSide(id, ifMatch);
        require(a, AssignmentStatus.CONFIRMED, "started");
        return step(a, AssignmentStatus.IN_SERVICE, AssignmentChanged.STARTED, Map.of());
    }

    @Transactional
    public AssignmentView complete(UUID id, String ifMatch) {
        Assignment a = forReceivingSide(id, ifMatch);
        require(a, AssignmentStatus.IN_SERVICE, "completed");
        AssignmentView view = step(a, AssignmentStatus.COMPLETED, AssignmentChanged.COMPLETED, Map.of());
        boolean rotation = a.mode != PostMode.SHADOWING;
        dossiers.record(teachers.findById(a.teacherId), dossierKind(a.mode), describe(a), "matching points " + a.points,
                a.startDate, LocalDate.now().isBefore(a.startDate) ? a.startDate : LocalDate.now(), a.id, rotation,
                rotation && a.mode != PostMode.PART_TIME);
        return view;
    }

    @Transactional
    public AssignmentView evaluate(UUID id, String ifMatch, Evaluation evaluation) {
        Assignment a = forReceivingSide(id, ifMatch);
        require(a, AssignmentStatus.COMPLETED, "evaluated");
        a.evaluationScore = evaluation.score();
        a.evaluationComments = evaluation.comments();
        AssignmentView view = step(a, AssignmentStatus.EVALUATED, AssignmentChanged.EVALUATED,
                Map.of("score", evaluation.score()));
        dossiers.record(teachers.findById(a.teacherId), DossierEntry.Kind.EVALUATION,
                "评单: " + a.toSchool + " scored " + evaluation.score() + "/100",
                evaluation.comments(), LocalDate.now(), null, a.id, evaluation.score() >= 60, evaluation.score() >= 85);
        return view;
    }

    private static DossierEntry.Kind dossierKind(PostMode mode) {
        return switch (mode) {
            case SHADOWING -> DossierEntry.Kind.SHADOWING;
            case SECONDMENT -> DossierEntry.Kind.SECONDMENT;
            case TEAM_AID -> DossierEntry.Kind.TEAM_AID;
            default -> DossierEntry.Kind.ROTATION;
        };
    }

    private static String describe(Assignment a) {
        return a.mode.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + a.fromSchool + " → " + a.toSchool
                + ", " + a.months + " month(s) from " + a.startDate;
    }

    private Assignment visible(UUID id) {
        Assignment a = Assignment.findById(id);
        caller.scope().requireReadable(a != null && canRead(a), "assignment");
        return a;
    }

    private boolean canRead(Assignment a) {
        return access.managesSchool(a.fromRegion, a.fromSchool) || access.managesSchool(a.toRegion, a.toSchool)
                || teachers.findByIdOptional(a.teacherId).map(access::isSelf).orElse(false);
    }

    /** The teacher, or an admin or officer of the sending school. */
    private Assignment forTeacherSide(UUID id, String ifMatch) {
        Assignment a = visible(id);
        Teacher teacher = teachers.findById(a.teacherId);
        boolean allowed = access.isSelf(teacher) || access.managesSchool(a.fromRegion, a.fromSchool);
        caller.scope().requireWritable(allowed, "assignment " + id);
        checkVersion(a, ifMatch);
        return a;
    }

    /** An admin or officer of the receiving school. */
    private Assignment forReceivingSide(UUID id, String ifMatch) {
        Assignment a = visible(id);
        caller.scope().requireWritable(access.managesSchool(a.toRegion, a.toSchool), "assignment " + id);
        checkVersion(a, ifMatch);
        return a;
    }

    private static void checkVersion(Assignment a, String ifMatch) {
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, a.version);
        }
    }

    private static String slug(AssignmentStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void require(Assignment a, AssignmentStatus expected, String action) {
        if (a.status != expected) {
            throw ProblemException.conflict("assignment-" + slug(a.status),
                    "Assignment " + a.id + " is " + a.status + "; only a " + expected + " assignment can be " + action);
        }
    }

    private AssignmentView step(Assignment a, AssignmentStatus status, String type, Map<String, Object> details) {
        a.status = status;
        Assignment.flush();
        publish(a, type, details);
        return AssignmentView.of(a);
    }

    private void publish(Assignment a, String type, Map<String, Object> details) {
        outbox.record(type, a.id.toString(), a.regionCodes(), a.event());
        Map<String, Object> summary = new LinkedHashMap<>(details);
        summary.put("teacher", a.teacherId);
        summary.put("from", a.fromSchool);
        summary.put("to", a.toSchool);
        summary.put("status", a.status);
        audit.record(caller.actor(), "assignment." + type.split("\\.")[4], "assignment", a.id.toString(),
                a.regionCodes(), summary);
    }
}
