package org.xietong.platform.problem;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quarkus' OIDC bearer mechanism, unchanged, except that its challenge for a request without a token carries a
 * problem details body (Quarkus answers such requests itself, without passing through any failure handler), and that
 * a refused token's 401 says why ({@link TokenRefusal}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallengeMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final TokenRefusal.Expectations expected;

    public ProblemChallengeMechanism(OidcAuthenticationMechanism oidc,
                                     @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
                                     @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer,
                                     @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> audience) {
        this.oidc = oidc;
        // Keycloak's issuer is the realm's URL, which is what auth-server-url names unless an issuer is configured.
        this.expected = new TokenRefusal.Expectations(
                issuer.filter(value -> !value.equals("any")).or(() -> authServer),
                audience.map(values -> String.join(" or ", values)));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return oidc.authenticate(context, identityProviderManager).onFailure().invoke(failure ->
                context.put(TokenRefusal.CONTEXT_KEY, TokenRefusal.of(failure, bearerToken(context), expected)));
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.getChallenge(context).map(challenge -> {
            challenge.getHeaders().forEach((name, value) -> context.response().headers().set(name, value));
            TokenRefusal refusal = context.get(TokenRefusal.CONTEXT_KEY);
            if (refusal != null && challenge.status == 401) {
                ProblemResponses.write(context, refusal);
            } else {
                ProblemResponses.write(context, ProblemResponses.forStatus(challenge.status));
            }
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority();
    }
}
