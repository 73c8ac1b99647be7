package org.xietong.platform.problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Problem details written straight to a Vert.x response, for errors raised before any REST resource runs. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Problem unauthenticated() {
        return Problem.of(401, "unauthenticated", "Unauthorized",
                "A valid bearer token is required (missing, malformed, expired or not signed by the realm)");
    }

    public static Problem forbidden() {
        return Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this operation");
    }

    static Problem forStatus(int status) {
        return switch (status) {
            case 401 -> unauthenticated();
            case 403 -> forbidden();
            default -> Problem.of(status, "http-" + status, "HTTP " + status, null);
        };
    }

    /** The 401 for a refused token: the problem and the challenge name the reason. */
    static void write(RoutingContext context, TokenRefusal refusal) {
        write(context, refusal.problem(), refusal.challenge());
    }

    public static void write(RoutingContext context, Problem problem) {
        write(context, problem, "Bearer");
    }

    private static void write(RoutingContext context, Problem problem, String challenge) {
        if (context.response().ended()) {
            return;
        }
        if (problem.status() == 401) {
            context.response().headers().set("WWW-Authenticate", challenge);
        }
        context.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem.withInstance(context.normalizedPath())));
    }
}
