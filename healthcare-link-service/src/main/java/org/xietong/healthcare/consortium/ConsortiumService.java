package org.xietong.healthcare.consortium;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.contracts.healthcare.ConsortiumMembershipChanged;
import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Consortia are created by an officer covering the lead; the lead's officer enrols members, and an institution of a
 * region that officer does not cover is only invited until a health officer of its region accepts, so no region
 * enrols another region's hospital alone. Each member is withdrawn by an officer covering it. A consortium is
 * visible wherever it has a member.
 */
@ApplicationScoped
public class ConsortiumService {

    private final ConsortiumRepository consortia;
    private final InstitutionRepository institutions;
    private final InstitutionAccess access;
    private final Caller caller;
    private final Audit audit;
    private final Outbox outbox;

    public ConsortiumService(ConsortiumRepository consortia, InstitutionRepository institutions,
                             InstitutionAccess access, Caller caller, Audit audit, Outbox outbox) {
        this.consortia = consortia;
        this.institutions = institutions;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.outbox = outbox;
    }

    public Page<ConsortiumView> search(ConsortiumKind kind, String member, int page, int size) {
        caller.listingPrefix(); // refuses a caller without a region
        Page<Consortium> found = Pages.of(consortia.search(caller.scope(), kind, member), page, size, c -> c);
        return new Page<>(found.items().stream().map(this::view).toList(), page, size, found.total());
    }

    public ConsortiumView get(long id) {
        return view(readable(id));
    }

    @Transactional
    public ConsortiumView create(ConsortiumRequest request) {
        Institution lead = access.require(request.leadCode(), "leadCode");
        caller.scope().requireWritable(access.officerFor(lead.regionCode), "lead institution " + lead.code);
        Consortium consortium = new Consortium();
        consortium.kind = request.kind();
        consortium.leadCode = lead.code;
        consortium.leadRegion = lead.regionCode;
        apply(consortium, request);
        consortia.persist(consortium);
        consortia.flush();
        addMember(consortium, lead);
        audit.record(caller.actor(), "consortium.created", "consortium", String.valueOf(consortium.id),
                List.of(lead.regionCode), Map.of("name", consortium.name, "kind", consortium.kind, "lead", lead.code));
        return view(consortium);
    }

    @Transactional
    public ConsortiumView update(long id, ConsortiumRequest request, String ifMatch) {
        Consortium consortium = readable(id);
        caller.scope().requireWritable(access.officerFor(consortium.leadRegion), "consortium " + id);
        Versions.requireMatch(ifMatch, consortium.version);
        if (consortium.kind != request.kind() || !consortium.leadCode.equals(request.leadCode())) {
            throw ProblemException.unprocessable("immutable-field", "Kind and lead never change",
                    "A consortium keeps its kind and lead; create a new one instead");
        }
        apply(consortium, request);
        consortia.flush();
        audit.record(caller.actor(), "consortium.updated", "consortium", String.valueOf(id), regions(id),
                Map.of("name", consortium.name, "specialty", Objects.toString(consortium.specialty, "")));
        return view(consortium);
    }

    /** What enrolling did: a member joined at once, or an invitation waits for the institution's side. */
    public record Enrolment(ConsortiumView consortium, InvitationView invitation) {
    }

    /**
     * The lead's officer enrols an institution. One its caller also covers joins at once; one of another region
     * is invited, and joins only when a health officer of its region accepts.
     */
    @Transactional
    public Enrolment join(long id, MemberRequest request) {
        Consortium consortium = lockExisting(id);
        caller.scope().requireReadable(visible(consortium), "consortium " + id);
        Institution institution = access.require(request.institutionCode(), "institutionCode");
        // The lead invites: an officer of another region cannot enrol an institution into someone else's consortium.
        caller.scope().requireWritable(access.officerFor(consortium.leadRegion), "consortium " + id);
        if (consortia.member(id, institution.code).isPresent()) {
            throw ProblemException.conflict("already-member", institution.code + " is already a member of consortium " + id);
        }
        if (!access.officerFor(institution.regionCode)) {
            return new Enrolment(null, invite(consortium, institution));
        }
        addMember(consortium, institution);
        touch(consortium);
        publish(ConsortiumMembershipChanged.JOINED, consortium, institution.code, institution.regionCode);
        audit.record(caller.actor(), "consortium.member-joined", "consortium", String.valueOf(id), regions(id),
                Map.of("institution", institution.code));
        return new Enrolment(view(consortium), null);
    }

    private InvitationView invite(Consortium consortium, Institution institution) {
        if (consortia.pendingInvitation(consortium.id, institution.code).isPresent()) {
            throw ProblemException.conflict("invitation-pending", institution.code + " is already invited to consortium "
                    + consortium.id + "; a health officer of region " + institution.regionCode + " has yet to answer");
        }
        ConsortiumInvitation invitation = new ConsortiumInvitation();
        invitation.consortiumId = consortium.id;
        invitation.leadCode = consortium.leadCode;
        invitation.leadRegion = consortium.leadRegion;
        invitation.institutionCode = institution.code;
        invitation.regionCode = institution.regionCode;
        invitation.status = ConsortiumInvitation.Status.PENDING;
        invitation.requestedBy = caller.username();
        invitation.requestedAt = Instant.now();
        invitation.persistAndFlush();
        audit.record(caller.actor(), "consortium.member-invited", "consortium-invitation", String.valueOf(invitation.id),
                List.of(consortium.leadRegion, institution.regionCode).stream().distinct().toList(),
                Map.of("consortium", consortium.id, "institution", institution.code));
        return invitationView(invitation);
    }

    public Page<InvitationView> invitations(ConsortiumInvitation.Status status, int page, int size) {
        caller.listingPrefix(); // refuses a caller without a region
        Page<ConsortiumInvitation> found = Pages.of(consortia.invitations(caller.scope(), status), page, size, i -> i);
        return new Page<>(found.items().stream().map(this::invitationView).toList(), page, size, found.total());
    }

    public InvitationView invitation(long invitationId) {
        return invitationView(readableInvitation(invitationId));
    }

    /** A health officer of the invited institution's region accepts: the institution becomes a member. */
    @Transactional
    public InvitationView acceptInvitation(long invitationId) {
        ConsortiumInvitation invitation = readableInvitation(invitationId);
        caller.scope().requireWritable(access.officerFor(invitation.regionCode), "institution " + invitation.institutionCode);
        requirePending(invitation, "accept");
        Consortium consortium = lockExisting(invitation.consortiumId);
        if (consortia.member(consortium.id, invitation.institutionCode).isPresent()) {
            throw ProblemException.conflict("already-member", invitation.institutionCode + " is already a member of consortium "
                    + consortium.id);
        }
        decide(invitation, ConsortiumInvitation.Status.ACCEPTED);
        addMember(consortium, access.require(invitation.institutionCode, "institutionCode"));
        touch(consortium);
        publish(ConsortiumMembershipChanged.JOINED, consortium, invitation.institutionCode, invitation.regionCode);
        audit.record(caller.actor(), "consortium.member-joined", "consortium", String.valueOf(consortium.id),
                regions(consortium.id), Map.of("institution", invitation.institutionCode, "invitation", invitation.id,
                        "invitedBy", invitation.requestedBy));
        return invitationView(invitation);
    }

    /** The invited side declines, or the lead's side withdraws its invitation. */
    @Transactional
    public InvitationView declineInvitation(long invitationId) {
        ConsortiumInvitation invitation = readableInvitation(invitationId);
        caller.scope().requireWritable(access.officerFor(invitation.regionCode) || access.officerFor(invitation.leadRegion),
                "invitation " + invitationId);
        requirePending(invitation, "decline");
        decide(invitation, ConsortiumInvitation.Status.DECLINED);
        audit.record(caller.actor(), "consortium.member-declined", "consortium-invitation", String.valueOf(invitation.id),
                List.of(invitation.leadRegion, invitation.regionCode).stream().distinct().toList(),
                Map.of("consortium", invitation.consortiumId, "institution", invitation.institutionCode));
        return invitationView(invitation);
    }

    /** Checked after the caller's right to decide, so that a caller without it learns nothing from a 409. */
    private static void requirePending(ConsortiumInvitation invitation, String action) {
        if (invitation.status != ConsortiumInvitation.Status.PENDING) {
            throw ProblemException.conflict("invitation-decided", "Cannot " + action + " invitation " + invitation.id
                    + ": it is already " + invitation.status);
        }
    }

    private void decide(ConsortiumInvitation invitation, ConsortiumInvitation.Status status) {
        invitation.status = status;
        invitation.decidedBy = caller.username();
        invitation.decidedAt = Instant.now();
        ConsortiumInvitation.getEntityManager().flush();
    }

    /** Both sides see an invitation: the lead's region and the invited institution's. */
    private ConsortiumInvitation readableInvitation(long invitationId) {
        ConsortiumInvitation invitation = ConsortiumInvitation.findById(invitationId);
        caller.scope().requireReadable(invitation != null && (access.sees(invitation.regionCode, invitation.institutionCode)
                || access.sees(invitation.leadRegion, invitation.leadCode)), "invitation " + invitationId);
        return invitation;
    }

    private InvitationView invitationView(ConsortiumInvitation i) {
        Consortium consortium = consortia.findById(i.consortiumId);
        Institution institution = institutions.findById(i.institutionCode);
        return new InvitationView(i.id, i.consortiumId, consortium.name, i.leadCode, i.leadRegion, i.institutionCode,
                institution == null ? null : institution.name, i.regionCode, i.status, i.requestedBy, i.requestedAt,
                i.decidedBy, i.decidedAt, i.version);
    }

    @Transactional
    public ConsortiumView leave(long id, String institutionCode) {
        Consortium consortium = lockExisting(id);
        ConsortiumMember member = consortia.member(id, institutionCode).orElse(null);
        caller.scope().requireReadable(member != null && visible(consortium), "member " + institutionCode);
        caller.scope().requireWritable(access.officerFor(member.regionCode), "institution " + institutionCode);
        if (consortium.leadCode.equals(institutionCode)) {
            throw ProblemException.conflict("lead-cannot-leave", "The lead institution cannot leave its own consortium");
        }
        List<String> regionsBefore = regions(id);
        member.delete();
        touch(consortium);
        publish(ConsortiumMembershipChanged.LEFT, consortium, institutionCode, member.regionCode);
        audit.record(caller.actor(), "consortium.member-left", "consortium", String.valueOf(id), regionsBefore,
                Map.of("institution", institutionCode));
        return view(consortium);
    }

    /** The lead's and the institution's regions are told. */
    private void publish(String type, Consortium consortium, String institutionCode, String institutionRegion) {
        outbox.record(type, String.valueOf(consortium.id),
                List.of(consortium.leadRegion, institutionRegion).stream().distinct().toList(),
                new ConsortiumMembershipChanged(consortium.id, consortium.name, consortium.kind.name(),
                        consortium.leadCode, consortium.leadRegion, institutionCode, institutionRegion, Instant.now()));
    }

    public List<CooperationItemView> items(long id) {
        readable(id);
        return consortia.items(id).stream().map(CooperationItemView::of).toList();
    }

    @Transactional
    public CooperationItemView addItem(long id, CooperationItemRequest request) {
        Consortium consortium = readable(id);
        requireMemberOfficer(consortium);
        CooperationItem item = new CooperationItem();
        item.consortiumId = id;
        item.status = request.status() == null ? CooperationStatus.PLANNED : request.status();
        applyItem(item, request);
        item.persistAndFlush();
        audit.record(caller.actor(), "consortium.item-added", "cooperation-item", String.valueOf(item.id), regions(id),
                Map.of("consortium", id, "title", item.title, "status", item.status));
        return CooperationItemView.of(item);
    }

    public CooperationItemView item(long id, long itemId) {
        readable(id);
        return CooperationItemView.of(existingItem(id, itemId));
    }

    @Transactional
    public CooperationItemView updateItem(long id, long itemId, CooperationItemRequest request, String ifMatch) {
        Consortium consortium = readable(id);
        CooperationItem item = existingItem(id, itemId);
        requireMemberOfficer(consortium);
        Versions.requireMatch(ifMatch, item.version);
        CooperationStatus next = request.status() == null ? item.status : request.status();
        if (!item.status.canMoveTo(next)) {
            throw ProblemException.conflict("illegal-transition", "Item " + itemId + " is " + item.status
                    + "; it cannot go back to " + next);
        }
        CooperationStatus before = item.status;
        item.status = next;
        applyItem(item, request);
        consortia.flush();
        audit.record(caller.actor(), "consortium.item-updated", "cooperation-item", String.valueOf(itemId), regions(id),
                Map.of("consortium", id, "from", before, "to", next));
        return CooperationItemView.of(item);
    }

    private Consortium readable(long id) {
        Consortium consortium = consortia.findById(id);
        caller.scope().requireReadable(consortium != null && visible(consortium), "consortium " + id);
        return consortium;
    }

    /** Joining does not need the consortium to be visible yet: the first member of a region makes it so. */
    private Consortium lockExisting(long id) {
        Consortium consortium = consortia.lock(id);
        if (consortium == null) {
            throw ProblemException.notFound("consortium " + id);
        }
        return consortium;
    }

    private boolean visible(Consortium consortium) {
        return consortia.members(consortium.id).stream().anyMatch(m -> access.sees(m.regionCode, m.institutionCode));
    }

    private void requireMemberOfficer(Consortium consortium) {
        boolean officer = consortia.members(consortium.id).stream().anyMatch(m -> access.officerFor(m.regionCode));
        caller.scope().requireWritable(officer, "consortium " + consortium.id);
    }

    private CooperationItem existingItem(long id, long itemId) {
        CooperationItem item = CooperationItem.findById(itemId);
        if (item == null || item.consortiumId != id) {
            throw ProblemException.notFound("cooperation item " + itemId);
        }
        return item;
    }

    private void addMember(Consortium consortium, Institution institution) {
        ConsortiumMember member = new ConsortiumMember();
        member.consortiumId = consortium.id;
        member.institutionCode = institution.code;
        member.regionCode = institution.regionCode;
        member.joinedAt = Instant.now();
        member.persist();
    }

    /**
     * Membership is part of what the ETag stands for, but lives in another table: the one hand-set updatedAt left
     * marks the consortium changed, so Hibernate writes it and bumps its version.
     */
    private void touch(Consortium consortium) {
        consortium.updatedAt = Instant.now();
        consortia.flush();
    }

    private List<String> regions(long id) {
        return consortia.members(id).stream().map(m -> m.regionCode).distinct().toList();
    }

    private static void apply(Consortium consortium, ConsortiumRequest request) {
        consortium.name = request.name().strip();
        consortium.specialty = request.specialty() == null || request.specialty().isBlank() ? null : request.specialty().strip();
        consortium.description = request.description();
    }

    private static void applyItem(CooperationItem item, CooperationItemRequest request) {
        item.title = request.title().strip();
        item.description = request.description();
        item.startDate = request.startDate();
        item.endDate = request.endDate();
    }

    private ConsortiumView view(Consortium c) {
        List<ConsortiumMember> members = consortia.members(c.id);
        Map<String, String> names = members.isEmpty() ? new HashMap<>()
                : institutions.list("code in ?1", members.stream().map(m -> m.institutionCode).toList()).stream()
                .collect(Collectors.toMap(i -> i.code, i -> i.name, (a, b) -> a));
        return new ConsortiumView(c.id, c.name, c.kind, c.specialty, c.leadCode, c.leadRegion, c.description,
                members.stream().map(m -> new ConsortiumView.Member(m.institutionCode, names.get(m.institutionCode),
                        m.regionCode, m.joinedAt)).toList(), c.version);
    }
}
