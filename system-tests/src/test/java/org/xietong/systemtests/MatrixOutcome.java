package org.xietong.systemtests;

/** What a cell of the authorisation matrix expects, and whether an answer meets it. */
enum MatrixOutcome {
    /** Through every check: 2xx, or a 4xx about the request or the object's state (400, 409, 412, 422 …). */
    ALLOWED,
    /** Published rules (a region's policy, catalogue, benefits): any answer but 401/403; 404 means none is stored. */
    PUBLIC,
    /** The gateway's route table refuses the caller's roles: 403 before any service sees the request. */
    GATEWAY_DENIED,
    /** The service refuses the caller's role or scope: 403. */
    DENIED,
    /** A single object outside the caller's scope: 404, its existence not disclosed. */
    HIDDEN,
    /** A change to an object the caller may not even see: 404 (not disclosed) or 403. */
    DENIED_OR_HIDDEN,
    /** A list shows the object. */
    LISTED,
    /** A list answers, without the object (or the caller may not list at all: 403). */
    NOT_LISTED,
    /** No such cell: no fixture object of that scope, or no region above a province. */
    NOT_APPLICABLE;

    boolean denial() {
        return this == GATEWAY_DENIED || this == DENIED || this == HIDDEN || this == DENIED_OR_HIDDEN
                || this == NOT_LISTED;
    }

    /** Whether a single-object answer meets this expectation (lists are judged by {@link #listing}). */
    boolean met(int status) {
        return switch (this) {
            case ALLOWED -> status < 500 && status != 401 && status != 403 && status != 404 && status != 429;
            case PUBLIC -> status < 500 && status != 401 && status != 403 && status != 429;
            case GATEWAY_DENIED, DENIED -> status == 403;
            case HIDDEN -> status == 404;
            case DENIED_OR_HIDDEN -> status == 403 || status == 404;
            default -> false;
        };
    }

    /** Whether a list answer meets this expectation. */
    boolean listing(int status, boolean listed) {
        return this == LISTED ? status == 200 && listed : (status == 200 && !listed) || status == 403 || status == 404;
    }

    /** An answer that read or changed what the caller should not have: the failures that matter most. */
    static boolean leak(MatrixOutcome expected, int status, boolean listed) {
        if (expected == NOT_LISTED) {
            return status == 200 && listed;
        }
        return expected.denial() && status >= 200 && status < 300;
    }
}
