package org.xietong.platform.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryParameterTypesTest {

    @SuppressWarnings("unused")
    public void list(@PathParam("id") long id, @QueryParam("page") int page, @QueryParam("since") LocalDate since,
                     @QueryParam("name") String name) {
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(quoteCharacter = '"', value = {
            "page, abc, 'page' must be an integer from -2147483648 to 2147483647",
            "page, 2147483648, 'page' must be an integer from -2147483648 to 2147483647",
            "since, 2025-02-30, 'since' must be a date (yyyy-mm-dd)",
            "page, 7, ",
            "name, 中文, ",
            "id, abc, "})
    void theQueryParameterThatDoesNotConvertIsNamed(String parameter, String value, String detail) throws Exception {
        Method method = getClass().getMethod("list", long.class, int.class, LocalDate.class, String.class);
        assertEquals(Optional.ofNullable(detail),
                QueryParameterTypes.unconvertible(method, Map.of(parameter, List.of(value))));
    }
}
