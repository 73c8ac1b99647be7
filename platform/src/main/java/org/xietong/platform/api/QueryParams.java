package org.xietong.platform.api;

import org.xietong.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters that JAX-RS would reject with a bare 404 when they do not convert (its rule for query params);
 * a caller who mistyped a filter deserves a 400 that says which values are allowed.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", "Invalid parameter",
                    "'" + parameter + "' must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** JAX-RS reads anything but "true" as false: a caller who wrote record=yes would silently get a dry run. */
    public static boolean flag(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("invalid-parameter", "Invalid parameter",
                    "'" + parameter + "' must be true or false");
        };
    }
}
