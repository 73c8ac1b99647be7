package org.xietong.pairing.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.platform.api.Page;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class SchoolService {

    private final SchoolRepository schools;
    private final Outbox outbox;
    private final Caller caller;

    public SchoolService(SchoolRepository schools, Outbox outbox, Caller caller) {
        this.schools = schools;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public SchoolView register(RegisterSchool request) {
        RegionScope scope = caller.scope();
        scope.requireWritable(scope.covers(request.regionCode()), "Region " + request.regionCode());
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
        outbox.record(SchoolRegistered.TYPE, school.code, List.of(school.regionCode),
                new SchoolRegistered(school.code, school.name, school.regionCode));
        return SchoolView.of(school);
    }

    public SchoolView get(String code) {
        School school = schools.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("School " + code));
        caller.scope().requireReadable(caller.scope().coversSchool(school.regionCode, school.code), "School " + code);
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
