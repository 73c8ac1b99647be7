package org.xietong.platform.conventions;

import jakarta.ws.rs.core.EntityTag;
import org.xietong.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a GET carries the entity's {@code @Version} as a strong ETag, and an update
 * must send it back in {@code If-Match}. Missing is 428, stale is 412, so two officers editing the same record
 * never overwrite each other silently.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        // "*" would skip the very check this header exists for.
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw ProblemException.preconditionRequired("precondition-required", "Precondition required",
                    "Send the ETag you read in If-Match, so a concurrent change is not overwritten");
        }
        String expected = "\"" + currentVersion + "\"";
        boolean matches = false;
        // If-Match compares strongly: a weak tag never matches.
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            matches |= tag.equals(expected);
        }
        if (!matches) {
            throw ProblemException.preconditionFailed("precondition-failed", "Precondition failed",
                    "The record changed since you read it (now version " + currentVersion + "); read it again and retry");
        }
    }
}
