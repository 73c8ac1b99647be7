package org.xietong.rotation.teacher;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TeacherRepository implements PanacheRepositoryBase<Teacher, Long> {

    public Optional<Teacher> byStaffNumber(String staffNumber) {
        return find("staffNumber", staffNumber).firstResultOptional();
    }

    public Optional<Teacher> byResidentId(String residentId) {
        return find("residentId", residentId).firstResultOptional();
    }

    public List<Teacher> byStaffNumbers(Collection<String> staffNumbers) {
        return staffNumbers.isEmpty() ? List.of() : list("staffNumber in ?1", staffNumbers);
    }

    /** Teachers whose school is in the region prefix, or at one of {@code schools}. */
    public List<Teacher> inRegionOrSchools(String regionPrefix, Collection<String> schools) {
        if (schools.isEmpty()) {
            return list("regionCode like ?1", Sort.by("id"), regionPrefix + "%");
        }
        return list("regionCode like :region or schoolCode in :schools", Sort.by("id"),
                Parameters.with("region", regionPrefix + "%").and("schools", schools));
    }

    PanacheQuery<Teacher> search(String regionPrefix, String school, String subject, TeacherStatus status,
                                 String staffNumber) {
        StringBuilder query = new StringBuilder("regionCode like :region");
        Parameters params = Parameters.with("region", regionPrefix + "%");
        if (school != null) {
            query.append(" and schoolCode = :school");
            params.and("school", school);
        }
        if (subject != null) {
            query.append(" and array_contains(subjects, :subject)");
            params.and("subject", subject);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (staffNumber != null) {
            query.append(" and staffNumber = :staff");
            params.and("staff", staffNumber);
        }
        return find(query.toString(), Sort.by("id"), params);
    }
}
