package org.xietong.healthcare.consortium;

import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.RegionScope;

/**
 * Who answers for an institution: health officers covering its region manage its cooperation (membership, expert
 * clinics), its own staff act in its daily work (bookings, consultations); platform admins do both.
 */
@ApplicationScoped
public class InstitutionAccess {

    public static final String HEALTH_OFFICER = "health-officer";
    public static final String INSTITUTION_STAFF = "institution-staff";

    private final Caller caller;
    private final InstitutionRepository institutions;

    public InstitutionAccess(Caller caller, InstitutionRepository institutions) {
        this.caller = caller;
        this.institutions = institutions;
    }

    /** A referenced institution; an unknown code is a bad request (422), not a missing resource. */
    public Institution require(String code, String field) {
        Institution institution = institutions.findById(code);
        if (institution == null) {
            throw ProblemException.unprocessable("unknown-institution", "Unknown institution",
                    field + " " + code + " is not a registered institution");
        }
        return institution;
    }

    /** Whether the caller may see objects of this institution (an institution-bound caller only its own). */
    public boolean sees(String regionCode, String institutionCode) {
        return caller.scope().coversInstitution(regionCode, institutionCode);
    }

    public boolean officerFor(String regionCode) {
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return true;
        }
        RegionScope scope = caller.scope();
        return caller.hasRole(HEALTH_OFFICER) && scope.institution().isEmpty() && scope.covers(regionCode);
    }

    public boolean staffOf(String regionCode, String institutionCode) {
        if (caller.hasRole(Caller.PLATFORM_ADMIN)) {
            return true;
        }
        RegionScope scope = caller.scope();
        return caller.hasRole(INSTITUTION_STAFF) && scope.covers(regionCode)
                && scope.institution().map(institutionCode::equals).orElse(false);
    }

    /** Staff of the institution or an officer covering it. */
    public boolean actsFor(String regionCode, String institutionCode) {
        return staffOf(regionCode, institutionCode) || officerFor(regionCode);
    }
}
