package org.xietong.pairing.alliance;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.contracts.pairing.AllianceChanged;
import org.xietong.pairing.school.School;
import org.xietong.pairing.school.SchoolRepository;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Education groups and alliances: formed around a lead school by an officer of its region, members from
 * anywhere, and the four integrations each with a status. Visible to officers of any member's region.
 */
@ApplicationScoped
public class AllianceService {

    private static final String ENTITY = "alliance";

    private final SchoolRepository schools;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;

    public AllianceService(SchoolRepository schools, Outbox outbox, Audit audit, Caller caller) {
        this.schools = schools;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public AllianceView form(String name, AllianceKind kind, String leadSchool, List<String> memberCodes) {
        School lead = school(leadSchool);
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(lead.regionCode, lead.code), "An alliance led by " + leadSchool);
        Alliance alliance = new Alliance();
        alliance.id = UUID.randomUUID();
        alliance.name = name.strip();
        alliance.kind = kind == null ? AllianceKind.EDUCATION_GROUP : kind;
        alliance.leadSchool = lead.code;
        alliance.regionCode = lead.regionCode;
        alliance.createdBy = caller.username();
        Instant now = Instant.now();
        alliance.members.add(member(alliance, lead, "LEAD", now));
        Set<String> others = new LinkedHashSet<>(memberCodes);
        others.remove(lead.code);
        for (String code : others) {
            alliance.members.add(member(alliance, joinable(code), "MEMBER", now));
        }
        for (IntegrationArea area : IntegrationArea.values()) {
            Alliance.Integration integration = new Alliance.Integration();
            integration.status = IntegrationStatus.NOT_STARTED;
            integration.updatedAt = now;
            alliance.integrations.put(area, integration);
        }
        alliance.persist();
        // Hibernate stamps created_at when it writes the row, which the view shows.
        Alliance.getEntityManager().flush();
        publish(alliance, AllianceChanged.FORMED, Map.of("name", alliance.name, "lead", lead.code, "members", others.size()));
        return AllianceView.of(alliance);
    }

    @Transactional
    public AllianceView join(UUID id, String schoolCode) {
        Alliance alliance = managed(id);
        if (alliance.hasMember(schoolCode)) {
            throw ProblemException.conflict("already-member", "School " + schoolCode + " is already a member");
        }
        alliance.members.add(member(alliance, joinable(schoolCode), "MEMBER", Instant.now()));
        Alliance.getEntityManager().flush();
        publish(alliance, AllianceChanged.MEMBER_JOINED, Map.of("school", schoolCode));
        return AllianceView.of(alliance);
    }

    @Transactional
    public AllianceView leave(UUID id, String schoolCode) {
        Alliance alliance = managed(id);
        if (schoolCode.equals(alliance.leadSchool)) {
            throw ProblemException.unprocessable("lead-school-stays", "Lead school stays",
                    "The lead school cannot leave its alliance");
        }
        if (!alliance.members.removeIf(m -> m.schoolCode.equals(schoolCode))) {
            throw ProblemException.notFound("Member " + schoolCode);
        }
        Alliance.getEntityManager().flush();
        publish(alliance, AllianceChanged.MEMBER_LEFT, Map.of("school", schoolCode));
        return AllianceView.of(alliance);
    }

    @Transactional
    public AllianceView integrate(UUID id, IntegrationArea area, IntegrationStatus status, String notes, String ifMatch) {
        Alliance alliance = managed(id);
        Versions.requireMatch(ifMatch, alliance.version);
        if (area == null) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter", "An integration area is required");
        }
        Alliance.Integration integration = alliance.integrations.get(area);
        IntegrationStatus before = integration.status;
        integration.status = status;
        integration.notes = notes;
        integration.updatedAt = Instant.now();
        Alliance.getEntityManager().flush();
        publish(alliance, AllianceChanged.INTEGRATION_UPDATED, Map.of("area", area, "status", Map.of("from", before, "to", status)));
        return AllianceView.of(alliance);
    }

    public AllianceView get(UUID id) {
        return AllianceView.of(visible(id));
    }

    public Page<AllianceView> list(AllianceKind kind, int page, int size) {
        RegionScope scope = caller.scope();
        StringBuilder query = new StringBuilder("select distinct a from Alliance a join a.members m where m.regionCode like :prefix");
        Parameters parameters = Parameters.with("prefix", scope.listingPrefix() + "%");
        if (kind != null) {
            query.append(" and a.kind = :kind");
            parameters.and("kind", kind);
        }
        if (scope.school().isPresent()) {
            query.append(" and m.schoolCode = :school");
            parameters.and("school", scope.school().get());
        }
        return Pages.of(Alliance.<Alliance>find(query.toString(), Sort.by("a.createdAt"), parameters), page, size,
                AllianceView::of);
    }

    /** Whether two schools are members of one alliance; no caller needed (a partner check, not a read). */
    public boolean shareAlliance(String a, String b) {
        return Alliance.getEntityManager().createQuery("select count(*) from Alliance a join a.members x join a.members y "
                        + "where x.schoolCode = :a and y.schoolCode = :b", Long.class)
                .setParameter("a", a).setParameter("b", b).getSingleResult() > 0;
    }

    /** An alliance or school district both schools belong to, the oldest first; no caller needed (a consumer's). */
    public Optional<Alliance> sharedBy(String a, String b) {
        return Alliance.getEntityManager().createQuery("select distinct al from Alliance al join al.members x "
                        + "join al.members y where x.schoolCode = :a and y.schoolCode = :b order by al.createdAt, al.id",
                        Alliance.class)
                .setParameter("a", a).setParameter("b", b).setMaxResults(1).getResultStream().findFirst();
    }

    /** The alliance, if the caller may see it: its activities are seen by whoever sees it. */
    public Alliance visible(UUID id) {
        Alliance alliance = Alliance.<Alliance>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Alliance " + id));
        RegionScope scope = caller.scope();
        boolean visible = scope.coversAny(alliance.regionCodes()) && scope.school().map(alliance::hasMember).orElse(true);
        scope.requireReadable(visible, "Alliance " + id);
        return alliance;
    }

    /** The alliance, if the caller may manage it: an officer of the lead school's region. */
    private Alliance managed(UUID id) {
        Alliance alliance = visible(id);
        caller.scope().requireWritable(caller.scope().coversSchool(alliance.regionCode, alliance.leadSchool), "Alliance " + id);
        return alliance;
    }

    /**
     * A school may be enrolled only by someone who answers for it: membership makes it a partner for bookings and
     * counts in its region's group coverage, so another region's officer cannot sign it up.
     */
    private School joinable(String code) {
        School school = school(code);
        caller.scope().requireWritable(caller.scope().coversSchool(school.regionCode, school.code),
                "Enrolling school " + code);
        return school;
    }

    private School school(String code) {
        return schools.requireRegistered(code, "School");
    }

    /**
     * A school district (学区) holds schools of its lead school's region only, and a school sits in one district:
     * the check here names the district it is in; the database's unique index holds the rule against a race.
     */
    private static Alliance.Member member(Alliance alliance, School school, String role, Instant at) {
        if (alliance.kind == AllianceKind.SCHOOL_DISTRICT) {
            if (!school.regionCode.equals(alliance.regionCode)) {
                throw ProblemException.unprocessable("school-district-region", "School district rule", "School "
                        + school.code + " is in region " + school.regionCode + "; a school district holds schools of "
                        + alliance.regionCode + " only");
            }
            Alliance.getEntityManager().createQuery("select a.id, a.name from Alliance a join a.members m "
                            + "where a.kind = :district and m.schoolCode = :school and a.id <> :self", Object[].class)
                    .setParameter("district", AllianceKind.SCHOOL_DISTRICT).setParameter("school", school.code)
                    .setParameter("self", alliance.id).getResultStream().findFirst().ifPresent(other -> {
                        throw ProblemException.conflict("in-school-district", "School " + school.code
                                + " is already in school district " + other[1] + " (" + other[0] + ")");
                    });
        }
        Alliance.Member member = new Alliance.Member();
        member.schoolDistrict = alliance.kind == AllianceKind.SCHOOL_DISTRICT;
        member.schoolCode = school.code;
        member.regionCode = school.regionCode;
        member.role = role;
        member.joinedAt = at;
        return member;
    }

    private void publish(Alliance alliance, String type, Map<String, ?> summary) {
        outbox.record(type, alliance.id.toString(), alliance.regionCodes(), AllianceView.event(alliance));
        audit.record(caller.actor(), type.replace("org.xietong.pairing.", "").replace(".v1", ""), ENTITY,
                alliance.id.toString(), alliance.regionCodes(), summary);
    }
}
