package org.xietong.platform.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A path no route serves gets a 404 problem instead of Vert.x' plain-text page. */
@ApplicationScoped
public class NotFoundProblemRoute {

    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> ProblemResponses.write(context,
                Problem.of(404, "not-found", "Not found", "No resource at " + context.normalizedPath())));
    }
}
