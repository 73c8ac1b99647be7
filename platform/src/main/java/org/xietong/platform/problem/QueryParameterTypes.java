package org.xietong.platform.problem;

import jakarta.ws.rs.QueryParam;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * JAX-RS answers 404 when a query parameter cannot be converted to its Java type ({@code ?page=abc}), as if the
 * URI named no resource. It is bad input: this finds the parameter so the answer can be a 400 that names it. (A path
 * parameter that cannot be converted keeps its 404: no resource has that name.)
 */
final class QueryParameterTypes {

    private record Conversion(String expected, Function<String, Object> convert) {
    }

    private static final Map<Class<?>, Conversion> CONVERSIONS = Map.of(
            int.class, new Conversion("an integer from -2147483648 to 2147483647", Integer::valueOf),
            Integer.class, new Conversion("an integer from -2147483648 to 2147483647", Integer::valueOf),
            long.class, new Conversion("an integer from -9223372036854775808 to 9223372036854775807", Long::valueOf),
            Long.class, new Conversion("an integer from -9223372036854775808 to 9223372036854775807", Long::valueOf),
            UUID.class, new Conversion("a UUID", UUID::fromString),
            LocalDate.class, new Conversion("a date (yyyy-mm-dd)", LocalDate::parse));

    private QueryParameterTypes() {
    }

    /** The first query parameter of the method whose value does not convert, described for the caller. */
    static Optional<String> unconvertible(Method method, Map<String, List<String>> query) {
        for (Parameter parameter : method.getParameters()) {
            QueryParam name = parameter.getAnnotation(QueryParam.class);
            Conversion conversion = CONVERSIONS.get(parameter.getType());
            if (name == null || conversion == null) {
                continue;
            }
            for (String value : query.getOrDefault(name.value(), List.of())) {
                try {
                    conversion.convert().apply(value.trim());
                } catch (RuntimeException e) {
                    return Optional.of("'" + name.value() + "' must be " + conversion.expected());
                }
            }
        }
        return Optional.empty();
    }
}
