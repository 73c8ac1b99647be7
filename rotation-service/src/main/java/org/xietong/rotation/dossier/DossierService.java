package org.xietong.rotation.dossier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.rotation.teacher.Teacher;
import org.xietong.rotation.teacher.TeacherAccess;
import org.xietong.rotation.teacher.TeacherRepository;
import org.xietong.rotation.teacher.TeacherView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Growth dossiers: the workflow writes rotations and evaluations; teachers add their own entries (never marked as
 * credits), schools and officers add entries and decide which count for title evaluation and award funds.
 */
@ApplicationScoped
public class DossierService {

    @Schema(name = "DossierEntryView")
    public record EntryView(long id, DossierEntry.Kind kind, String title, String details, LocalDate startDate,
                            LocalDate endDate, UUID assignmentId, BigDecimal credits, boolean countsForTitle,
                            boolean countsForAward, DossierEntry.Source source, String createdBy, Instant createdAt,
                            @Schema(description = "When it was withdrawn; null while it counts") Instant withdrawnAt,
                            @Schema(description = "Why it was withdrawn") String withdrawalReason,
                            @Schema(description = "The version, to send back in If-Match to withdraw it") long version) {

        static EntryView of(DossierEntry e) {
            return new EntryView(e.id, e.kind, e.title, e.details, e.startDate, e.endDate, e.assignmentId, e.credits,
                    e.countsForTitle, e.countsForAward, e.source, e.createdBy, e.createdAt, e.withdrawnAt,
                    e.withdrawalReason, e.version);
        }
    }

    /** {@code credits} sums the credit values of the entries marked for title evaluation or award funds. */
    @Schema(name = "GrowthDossier")
    public record Dossier(TeacherView teacher, int rotations, int entriesForTitle, int entriesForAward,
                          BigDecimal credits, List<EntryView> entries) {
    }

    private final TeacherRepository teachers;
    private final TeacherAccess access;
    private final Caller caller;
    private final Audit audit;

    public DossierService(TeacherRepository teachers, TeacherAccess access, Caller caller, Audit audit) {
        this.teachers = teachers;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    public Dossier get(long teacherId) {
        Teacher teacher = access.readable(teachers.findById(teacherId));
        List<DossierEntry> entries = DossierEntry.list("teacherId", Sort.by("startDate").and("id"), teacherId);
        List<DossierEntry> standing = entries.stream().filter(e -> e.withdrawnAt == null).toList();
        int rotations = (int) standing.stream().filter(e -> e.source == DossierEntry.Source.SYSTEM
                && e.kind != DossierEntry.Kind.EVALUATION).count();
        int title = (int) standing.stream().filter(e -> e.countsForTitle).count();
        int award = (int) standing.stream().filter(e -> e.countsForAward).count();
        BigDecimal credits = standing.stream().filter(e -> e.credits != null && (e.countsForTitle || e.countsForAward))
                .map(e -> e.credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Dossier(access.view(teacher), rotations, title, award, credits,
                entries.stream().map(EntryView::of).toList());
    }

    @Transactional
    public EntryView add(long teacherId, DossierRequest request) {
        Teacher teacher = access.readable(teachers.findById(teacherId));
        boolean self = access.isSelf(teacher);
        boolean manager = access.manages(teacher);
        access.scope().requireWritable(self || manager, "teacher " + teacherId + "'s dossier");
        if (!manager && (request.countsForTitle() || request.countsForAward() || request.credits() != null)) {
            throw ProblemException.forbidden("Only the school or an officer marks credits for title evaluation or awards");
        }
        DossierEntry entry = new DossierEntry();
        entry.teacherId = teacher.id;
        entry.kind = request.kind();
        entry.title = request.title().strip();
        entry.details = request.details();
        entry.startDate = request.startDate();
        entry.endDate = request.endDate();
        entry.credits = request.credits();
        entry.countsForTitle = request.countsForTitle();
        entry.countsForAward = request.countsForAward();
        entry.source = manager ? DossierEntry.Source.SCHOOL : DossierEntry.Source.TEACHER;
        save(entry, teacher);
        return EntryView.of(entry);
    }

    /**
     * Withdraws an entry written by mistake, with the reason and its version in If-Match: a teacher their own entries, the school or an officer
     * any hand-written one; what the workflow wrote (rotations, evaluations) is corrected through the assignment. The
     * entry stays, marked, and no longer counts. Audited; not published, as a dossier never is.
     */
    @Transactional
    public EntryView withdraw(long teacherId, long entryId, String reason, String ifMatch) {
        Teacher teacher = access.readable(teachers.findById(teacherId));
        DossierEntry entry = DossierEntry.findById(entryId);
        if (entry == null || entry.teacherId != teacher.id) {
            throw ProblemException.notFound("Dossier entry " + entryId);
        }
        boolean manager = access.manages(teacher);
        boolean author = access.isSelf(teacher) && entry.source == DossierEntry.Source.TEACHER;
        access.scope().requireWritable(manager || author, "Dossier entry " + entryId);
        if (entry.source == DossierEntry.Source.SYSTEM) {
            throw ProblemException.unprocessable("workflow-entry", "Written by the workflow",
                    "Entry " + entryId + " records a rotation or an evaluation; correct the assignment instead");
        }
        if (entry.withdrawnAt != null) {
            throw ProblemException.conflict("entry-withdrawn", "Dossier entry " + entryId + " was withdrawn on "
                    + entry.withdrawnAt);
        }
        Versions.requireMatch(ifMatch, entry.version);
        entry.withdrawnAt = Instant.now();
        entry.withdrawnBy = caller.username();
        entry.withdrawalReason = reason;
        DossierEntry.flush();
        audit.record(caller.actor(), "dossier.entry-withdrawn", "teacher", teacher.staffNumber,
                List.of(teacher.regionCode), Map.of("entry", entry.id, "kind", entry.kind, "reason", reason));
        return EntryView.of(entry);
    }

    /** Within the workflow's transaction: an entry the system writes. */
    public void record(Teacher teacher, DossierEntry.Kind kind, String title, String details, LocalDate start,
                       LocalDate end, UUID assignmentId, boolean countsForTitle, boolean countsForAward) {
        DossierEntry entry = new DossierEntry();
        entry.teacherId = teacher.id;
        entry.kind = kind;
        entry.title = title;
        entry.details = details;
        entry.startDate = start;
        entry.endDate = end;
        entry.assignmentId = assignmentId;
        entry.countsForTitle = countsForTitle;
        entry.countsForAward = countsForAward;
        entry.source = DossierEntry.Source.SYSTEM;
        save(entry, teacher);
    }

    private void save(DossierEntry entry, Teacher teacher) {
        entry.createdBy = caller.username();
        entry.persist();
        audit.record(caller.actor(), "dossier.entry-added", "teacher", teacher.staffNumber, List.of(teacher.regionCode),
                Map.of("kind", entry.kind, "title", entry.title, "source", entry.source));
    }
}
