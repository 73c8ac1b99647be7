package org.xietong.pairing.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.contracts.pairing.SchoolUpdated;
import org.xietong.platform.api.Page;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class SchoolService {

    private static final String ENTITY = "school";

    private final SchoolRepository schools;
    private final Outbox outbox;
    private final Audit audit;
    private final Caller caller;

    public SchoolService(SchoolRepository schools, Outbox outbox, Audit audit, Caller caller) {
        this.schools = schools;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public SchoolView register(RegisterSchool request) {
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(request.regionCode(), request.code()), "Region " + request.regionCode());
        if (schools.findByIdOptional(request.code()).isPresent()) {
            throw duplicate(request.code());
        }
        School school = new School();
        school.code = request.code();
        school.name = request.name().strip();
        school.regionCode = request.regionCode();
        school.createdAt = Instant.now();
        school.createdBy = caller.username();
        try {
            schools.persistAndFlush(school);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException) {
                // Another request registered the same code between our check and our insert.
                throw duplicate(request.code());
            }
            throw e;
        }
        outbox.record(SchoolRegistered.TYPE, school.code, List.of(school.regionCode),
                new SchoolRegistered(school.code, school.name, school.regionCode));
        audit.record(caller.actor(), "school.registered", ENTITY, school.code, List.of(school.regionCode),
                Map.of("name", school.name, "regionCode", school.regionCode));
        return SchoolView.of(school);
    }

    @Transactional
    public SchoolView update(String code, UpdateSchool request, String ifMatch) {
        School school = schools.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("School " + code));
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.coversSchool(school.regionCode, school.code), "School " + code);
        Versions.requireMatch(ifMatch, school.version);
        String before = school.name;
        school.name = request.name().strip();
        schools.flush();
        outbox.record(SchoolUpdated.TYPE, school.code, List.of(school.regionCode),
                new SchoolUpdated(school.code, school.name, school.regionCode));
        audit.record(caller.actor(), "school.updated", ENTITY, school.code, List.of(school.regionCode),
                Map.of("name", Map.of("from", before, "to", school.name)));
        return SchoolView.of(school);
    }

    public SchoolView get(String code) {
        return SchoolView.of(visible(code));
    }

    public Page<SchoolView> list(int page, int size) {
        var query = schools.visibleTo(caller.scope()).page(page, size);
        return new Page<>(query.list().stream().map(SchoolView::of).toList(), page, size, query.count());
    }

    /** The school if it exists and the caller may see it; "not found" otherwise, so codes cannot be probed. */
    private School visible(String code) {
        School school = schools.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("School " + code));
        caller.scope().requireReadable(caller.scope().coversSchool(school.regionCode, school.code), "School " + code);
        return school;
    }

    private static ProblemException duplicate(String code) {
        return ProblemException.conflict("school-exists", "School " + code + " is already registered");
    }
}
