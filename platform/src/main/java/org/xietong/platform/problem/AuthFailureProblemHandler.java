package org.xietong.platform.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Authentication happens before any REST resource runs, so its failures never reach the JAX-RS exception mappers.
 * This failure handler turns them into problem details as well (401 with a Bearer challenge, 403).
 */
@ApplicationScoped
public class AuthFailureProblemHandler {

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationRedirectException || context.response().ended()) {
            context.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            TokenRefusal refusal = context.get(TokenRefusal.CONTEXT_KEY);
            if (refusal != null) {
                ProblemResponses.write(context, refusal);
            } else {
                ProblemResponses.write(context, ProblemResponses.unauthenticated());
            }
        } else if (failure instanceof ForbiddenException) {
            ProblemResponses.write(context, ProblemResponses.forbidden());
        } else {
            context.next();
        }
    }
}
