package org.xietong.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.xietong.platform.problem.ProblemChallengeMechanism;

import java.time.Duration;
import java.util.Set;

// Hot path, run for every request: benchmark (./xietong bench gateway) before changing.
/**
 * The gateway's bearer-token authentication mechanism, in place of the platform's: it verifies a token as the
 * platform's does, then remembers it until it expires (at most five minutes). A client sends the same token with
 * every request for its whole lifetime, and checking its RSA signature and parsing its claims again each time was
 * most of the gateway's CPU per request. A token not seen before, with an unknown key id, or expired is verified as
 * usual. The cost: a token signed with a key the realm has since withdrawn stays accepted here for up to five
 * minutes (the services behind still verify every token themselves).
 */
@Alternative
@Priority(2)
@ApplicationScoped
public class CachingTokenAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final long MAX_AGE_MILLIS = Duration.ofMinutes(5).toMillis();

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    private final ProblemChallengeMechanism verifier;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMillis(MAX_AGE_MILLIS))
            // Upkeep on the calling event loop: handed to the common pool it woke a thread every few requests.
            .executor(Runnable::run)
            .build();

    public CachingTokenAuthentication(ProblemChallengeMechanism verifier) {
        this.verifier = verifier;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return verifier.authenticate(context, identityProviderManager);
        }
        String token = header.substring(BEARER.length()).trim();
        Verified known = verified.getIfPresent(token);
        if (known != null && known.validUntilMillis() > System.currentTimeMillis()) {
            return Uni.createFrom().item(withRoutingContext(known.identity(), context));
        }
        return verifier.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long expires = jwt.getExpirationTime() * 1000;
        long validUntil = Math.min(expires, System.currentTimeMillis() + MAX_AGE_MILLIS);
        if (validUntil > System.currentTimeMillis()) {
            // The request that verified it is over; keep the identity without a reference to it.
            verified.put(token, new Verified(withRoutingContext(identity, null), validUntil));
        }
    }

    private static SecurityIdentity withRoutingContext(SecurityIdentity identity, RoutingContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissionChecker(identity::checkPermission);
        identity.getAttributes().forEach((name, value) -> {
            if (!name.equals(RoutingContext.class.getName())) {
                builder.addAttribute(name, value);
            }
        });
        if (context != null) {
            builder.addAttribute(RoutingContext.class.getName(), context);
        }
        return builder.build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return verifier.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return verifier.sendChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return verifier.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return verifier.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return verifier.getPriority() + 1;
    }
}
