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

    /** The same problem with an RFC 9457 extension member, e.g. which limit a request went over. */
    public ProblemException withExtension(String name, Object value) {
        return new ProblemException(problem.withExtension(name, value));
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

    /** 400: the request itself is malformed (a parameter, a header, a body that cannot be read). */
    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(400, slug, title, detail));
    }

    /** 403 with its own reason, where the refusal is a rule rather than the caller's region. */
    public static ProblemException forbidden(String slug, String title, String detail) {
        return new ProblemException(Problem.of(403, slug, title, detail));
    }

    /** 409 with its own title. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static ProblemException preconditionFailed(String slug, String title, String detail) {
        return new ProblemException(Problem.of(412, slug, title, detail));
    }

    /** 413: the request is over a stated limit; the detail names the limit. */
    public static ProblemException tooLarge(String slug, String title, String detail) {
        return new ProblemException(Problem.of(413, slug, title, detail));
    }

    /** 422: the request is well formed but a domain rule refuses it; the detail names the rule. */
    public static ProblemException unprocessable(String slug, String title, String detail) {
        return new ProblemException(Problem.of(422, slug, title, detail));
    }

    /** 428: a precondition header ({@code If-Match}) is required and missing. */
    public static ProblemException preconditionRequired(String slug, String title, String detail) {
        return new ProblemException(Problem.of(428, slug, title, detail));
    }
}
