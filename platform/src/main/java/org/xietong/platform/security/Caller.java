package org.xietong.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    /** The token's subject: stable across renames, unlike the user name. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** The OAuth client the call came through (azp), e.g. xietong-cli or partner-500000. */
    public Optional<String> clientId() {
        return claim("azp");
    }

    /** The caller as an audit trail records it. */
    public Actor actor() {
        return new Actor(subject(), username(), clientId().orElse(null));
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

    /** What this caller may see and change. */
    public RegionScope scope() {
        if (hasRole(PLATFORM_ADMIN)) {
            return RegionScope.EVERYTHING;
        }
        return regionCode().map(region -> RegionScope.of(region, schoolCode(), institutionCode())).orElse(RegionScope.NOTHING);
    }

    /** The region-code prefix a listing is limited to: "" for platform admins; refuses a caller without a region. */
    public String listingPrefix() {
        return scope().listingPrefix();
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
    }
}
