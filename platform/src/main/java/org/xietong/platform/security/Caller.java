package org.xietong.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;

import java.util.Optional;

/**
 * Who is calling, from the verified access token: realm roles and the region, school, institution and teacher
 * claims the realm maps from user attributes. Services use it for object-level scope checks.
 */
@RequestScoped
public class Caller {

    public static final String PLATFORM_ADMIN = "platform-admin";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> regionCode() {
        return claim("region_code");
    }

    public Optional<String> schoolCode() {
        return claim("school_code");
    }

    public Optional<String> institutionCode() {
        return claim("institution_code");
    }

    public Optional<String> teacherId() {
        return claim("teacher_id");
    }

    /** Whether the caller may see or change something located in {@code regionCode}. */
    public boolean covers(String regionCode) {
        return hasRole(PLATFORM_ADMIN) || regionCode().map(own -> RegionCode.covers(own, regionCode)).orElse(false);
    }

    public void requireCovers(String regionCode) {
        if (!covers(regionCode)) {
            throw ProblemException.forbidden("Region " + regionCode + " is outside your scope ("
                    + regionCode().orElse("no region") + ")");
        }
    }

    /**
     * The region-code prefix a listing is limited to: "" for platform admins, who see everything, "11" for an
     * officer of 110000. A caller without a valid region claim may list nothing.
     */
    public String listingPrefix() {
        if (hasRole(PLATFORM_ADMIN)) {
            return "";
        }
        return regionCode().filter(RegionCode::isValid).map(RegionCode::scopePrefix)
                .orElseThrow(() -> ProblemException.forbidden("Your account has no region; ask an administrator"));
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
    }
}
