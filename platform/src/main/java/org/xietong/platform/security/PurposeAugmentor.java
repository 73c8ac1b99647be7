package org.xietong.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Adds the purposes a verified caller holds ({@link Purpose#heldBy}) to its roles, so that {@code @RolesAllowed}
 * with a purpose name works the same in every service and in the gateway.
 */
@ApplicationScoped
public class PurposeAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> purposes = Purpose.heldBy(identity.getRoles(), scopes(identity));
        if (purposes.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(purposes).build());
    }

    /** The token's OAuth2 scopes (space-separated {@code scope} claim). */
    static List<String> scopes(SecurityIdentity identity) {
        Object scope = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("scope") : null;
        return scope == null ? List.of()
                : Arrays.stream(scope.toString().split(" ")).filter(s -> !s.isBlank()).toList();
    }
}
