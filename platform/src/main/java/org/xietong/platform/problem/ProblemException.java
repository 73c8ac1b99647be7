package org.xietong.platform.problem;

/** Thrown by domain code for an expected failure that the caller should see as problem details. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "out-of-scope", "Forbidden", detail));
    }
}
