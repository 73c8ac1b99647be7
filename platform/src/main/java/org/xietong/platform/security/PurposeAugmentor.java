package org.xietong.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Replaces the purpose-named roles a verified token carries with the purposes the caller actually holds
 * ({@link Purpose#heldBy}), so that {@code @RolesAllowed} with a purpose name works the same in every service and in
 * the gateway, and a purpose role wrongly given in the realm (say to a person, or a purpose no partner may have)
 * grants nothing.
 */
@ApplicationScoped
public class PurposeAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = identity.getRoles();
        Set<String> held = Purpose.heldBy(roles);
        if (held.isEmpty() && roles.stream().noneMatch(Purpose::isPurpose)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .setAnonymous(false)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .addRoles(held);
        roles.stream().filter(role -> !Purpose.isPurpose(role)).forEach(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }
}
