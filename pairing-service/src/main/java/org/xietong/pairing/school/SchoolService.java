package org.xietong.pairing.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.contracts.pairing.SchoolRemoved;
import org.xietong.contracts.pairing.SchoolUpdated;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

@ApplicationScoped
public class SchoolService {

    private static final String ENTITY = "school";

    private final SchoolRepository schools;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;
    private final Validator validator;

    public SchoolService(SchoolRepository schools, Outbox outbox, Audit audit, Caller caller, Validator validator) {
        this.schools = schools;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
        this.validator = validator;
    }

    @Transactional
    public SchoolView register(RegisterSchool request) {
        Set<ConstraintViolation<?>> violations = violations(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(request.regionCode(), request.code()), "Region " + request.regionCode());
        if (schools.findByIdOptional(request.code()).isPresent()) {
            throw duplicate(request.code());
        }
        School school = create(request);
        try {
            schools.flush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == ConstraintKind.UNIQUE) {
                // Another request registered the same code between our check and our insert.
                throw duplicate(request.code());
            }
            throw e;
        }
        return SchoolView.of(school);
    }

    @Transactional
    public SchoolView update(String code, SchoolProfile profile, String ifMatch) {
        School school = schools.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("School " + code));
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(school.regionCode, school.code), "School " + code);
        Versions.requireMatch(ifMatch, school.version);
        change(school, profile);
        schools.flush();
        return SchoolView.of(school);
    }

    /** Removes a school nothing refers to: no pairing, alliance, shared resource, booking or activity. */
    @Transactional
    public void remove(String code, String ifMatch) {
        // Locked, so no pairing, alliance or booking can start referring to it while we check.
        School school = schools.findByIdOptional(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("School " + code));
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(school.regionCode, school.code), "School " + code);
        Versions.requireMatch(ifMatch, school.version);
        if (schools.isInUse(code)) {
            throw ProblemException.conflict("school-in-use", "School " + code
                    + " has pairings, alliances, shared resources or activities; conclude or remove those first");
        }
        schools.delete(school);
        outbox.record(SchoolRemoved.TYPE, code, List.of(school.regionCode), new SchoolRemoved(code, school.regionCode));
        audit.record(caller.actor(), "school.removed", ENTITY, code, List.of(school.regionCode), Map.of("name", school.name));
    }

    public SchoolView get(String code) {
        School school = schools.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("School " + code));
        caller.scope().requireReadable(caller.scope().coversSchool(school.regionCode, school.code), "School " + code);
        return SchoolView.of(school);
    }

    public Page<SchoolView> search(SchoolSearch search, int page, int size) {
        return Pages.of(schools.search(search, caller.scope()), page, size, SchoolView::of);
    }

    /** Everything wrong with a registration at once: its code and region, and its profile. */
    Set<ConstraintViolation<?>> violations(RegisterSchool request) {
        Set<ConstraintViolation<?>> all = new java.util.LinkedHashSet<>(validator.validate(request));
        all.addAll(validator.validate(request.profile()));
        return all;
    }

    /** Within a transaction, for an already checked request: the new school, its event and its audit entry. */
    School create(RegisterSchool request) {
        School school = new School();
        school.code = request.code();
        school.regionCode = request.regionCode();
        request.profile().applyTo(school);
        school.createdBy = caller.username();
        schools.persist(school);
        outbox.record(SchoolRegistered.TYPE, school.code, List.of(school.regionCode), new SchoolRegistered(
                school.code, school.name, school.regionCode, school.locationType.name(), school.level.name(),
                school.qualityResource, school.latitude, school.longitude));
        audit.record(caller.actor(), "school.registered", ENTITY, school.code, List.of(school.regionCode),
                Map.of("name", school.name, "regionCode", school.regionCode, "locationType", school.locationType,
                        "level", school.level));
        return school;
    }

    /** Within a transaction: applies a profile; publishes and audits only a real change. Returns whether it changed. */
    boolean change(School school, SchoolProfile profile) {
        SchoolView before = SchoolView.of(school);
        if (!profile.applyTo(school)) {
            return false;
        }
        outbox.record(SchoolUpdated.TYPE, school.code, List.of(school.regionCode), new SchoolUpdated(
                school.code, school.name, school.regionCode, school.locationType.name(), school.level.name(),
                school.qualityResource, school.latitude, school.longitude));
        audit.record(caller.actor(), "school.updated", ENTITY, school.code, List.of(school.regionCode),
                differences(before, SchoolView.of(school)));
        return true;
    }

    private static Map<String, Object> differences(SchoolView before, SchoolView after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "locationType", before.locationType(), after.locationType());
        compare(changed, "level", before.level(), after.level());
        compare(changed, "latitude", before.latitude(), after.latitude());
        compare(changed, "longitude", before.longitude(), after.longitude());
        compare(changed, "studentCount", before.studentCount(), after.studentCount());
        compare(changed, "qualityResource", before.qualityResource(), after.qualityResource());
        return changed;
    }

    private static void compare(Map<String, Object> changed, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changed.put(field, change);
        }
    }

    private static ProblemException duplicate(String code) {
        return ProblemException.conflict("school-exists", "School " + code + " is already registered");
    }
}
