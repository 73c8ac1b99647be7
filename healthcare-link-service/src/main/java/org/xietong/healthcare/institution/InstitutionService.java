package org.xietong.healthcare.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.util.List;
import java.util.Map;

/** Registers institutions: health officers in their region, platform admins anywhere. */
@ApplicationScoped
public class InstitutionService {

    private final InstitutionRepository institutions;
    private final Caller caller;
    private final Audit audit;

    public InstitutionService(InstitutionRepository institutions, Caller caller, Audit audit) {
        this.institutions = institutions;
        this.caller = caller;
        this.audit = audit;
    }

    public Page<InstitutionView> search(String region, Capability capability, int page, int size) {
        String prefix = caller.listingPrefix();
        if (region != null) {
            if (!region.startsWith(prefix) && !prefix.startsWith(region)) {
                return new Page<>(List.of(), page, size, 0);
            }
            prefix = region.length() > prefix.length() ? region : prefix;
        }
        return Pages.of(institutions.search(prefix, capability), page, size, InstitutionView::of);
    }

    public InstitutionView get(String code) {
        Institution institution = institutions.findById(code);
        caller.scope().requireReadable(institution != null && caller.scope().covers(institution.regionCode), "institution");
        return InstitutionView.of(institution);
    }

    @Transactional
    public InstitutionView register(InstitutionRequest request) {
        caller.scope().requireWritable(caller.scope().covers(request.regionCode()), "region " + request.regionCode());
        if (institutions.findById(request.code()) != null) {
            throw ProblemException.conflict("institution-exists", "Institution " + request.code() + " is already registered");
        }
        Institution institution = new Institution();
        institution.code = request.code();
        institution.regionCode = request.regionCode();
        apply(institution, request);
        institutions.persist(institution);
        audit.record(caller.actor(), "institution.registered", "institution", institution.code,
                List.of(institution.regionCode), Map.of("name", institution.name, "level", institution.level));
        return InstitutionView.of(institution);
    }

    @Transactional
    public InstitutionView update(String code, InstitutionRequest request, String ifMatch) {
        Institution institution = institutions.findById(code);
        caller.scope().requireReadable(institution != null && caller.scope().covers(institution.regionCode), "institution");
        caller.scope().requireWritable(caller.scope().covers(institution.regionCode), "institution " + code);
        Versions.requireMatch(ifMatch, institution.version);
        if (!institution.code.equals(request.code()) || !institution.regionCode.equals(request.regionCode())) {
            throw ProblemException.unprocessable("immutable-field", "Code and region never change",
                    "An institution keeps its code and region; register a new one instead");
        }
        change(institution, request);
        institutions.flush();
        return InstitutionView.of(institution);
    }

    /**
     * An import's update of a known institution (code and region already checked): applied and audited only if a
     * field differs; true if it did.
     */
    boolean change(Institution institution, InstitutionRequest request) {
        InstitutionView before = InstitutionView.of(institution);
        apply(institution, request);
        InstitutionView after = InstitutionView.of(institution);
        if (before.equals(after)) {
            return false;
        }
        audit.record(caller.actor(), "institution.updated", "institution", institution.code,
                List.of(institution.regionCode), Map.of("name", institution.name, "level", institution.level,
                        "capabilities", List.of(institution.capabilities)));
        return true;
    }

    private static void apply(Institution institution, InstitutionRequest request) {
        institution.name = request.name().strip();
        institution.level = request.level() == null ? InstitutionLevel.UNRATED : request.level();
        institution.type = request.type() == null ? InstitutionType.GENERAL : request.type();
        institution.capabilities = request.capabilities() == null ? new String[0]
                : request.capabilities().stream().map(Enum::name).sorted().toArray(String[]::new);
        institution.latitude = request.latitude();
        institution.longitude = request.longitude();
    }
}
