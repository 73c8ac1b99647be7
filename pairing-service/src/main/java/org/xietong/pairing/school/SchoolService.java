package org.xietong.pairing.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.xietong.platform.api.Page;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.time.Instant;

@ApplicationScoped
public class SchoolService {

    private final SchoolRepository schools;
    private final SchoolEvents events;
    private final Caller caller;

    public SchoolService(SchoolRepository schools, SchoolEvents events, Caller caller) {
        this.schools = schools;
        this.events = events;
        this.caller = caller;
    }

    @Transactional
    public SchoolView register(RegisterSchool request) {
        caller.requireCovers(request.regionCode());
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
            // Another request registered the same code between our check and our insert.
            throw duplicate(request.code());
        }
        events.registered(school);
        return SchoolView.of(school);
    }

    public SchoolView get(String code) {
        School school = schools.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("School " + code));
        caller.requireCovers(school.regionCode);
        return SchoolView.of(school);
    }

    public Page<SchoolView> list(int page, int size) {
        var query = schools.inRegion(caller.listingPrefix()).page(page, size);
        return new Page<>(query.list().stream().map(SchoolView::of).toList(), page, size, query.count());
    }

    private static ProblemException duplicate(String code) {
        return ProblemException.conflict("school-exists", "School " + code + " is already registered");
    }
}
