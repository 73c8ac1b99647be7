package org.xietong.platform.csv;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import org.xietong.platform.problem.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The part every CSV import shares: each row is read into the request the API would take, validated like it, checked
 * by the import's own rule and for a key repeated in the file, and either accepted or reported with its line and
 * reason. What the accepted rows become is the import's own business.
 *
 * @param <T> the request one row becomes
 */
public final class RowChecks<T> {

    /** The rows accepted, in file order, beside the report of those refused. */
    public record Checked<T>(int rows, List<T> accepted, List<ImportReport.RowError> errors) {

        /** In ALL_OR_NOTHING mode one refused row means nothing is stored. */
        public boolean refused(ImportMode mode) {
            return mode == ImportMode.ALL_OR_NOTHING && !errors.isEmpty();
        }

        public ImportReport report(ImportMode mode, int created, int updated) {
            return refused(mode) ? new ImportReport(mode, false, rows, 0, 0, 0, errors.size(), errors)
                    : new ImportReport(mode, true, rows, created, updated, accepted.size() - created - updated,
                    errors.size(), errors);
        }
    }

    private final Validator validator;
    private final Function<CsvRows.Row, T> read;
    private final Function<T, String> key;

    /**
     * @param read the request a row stands for; an {@link IllegalArgumentException} (a bad number, an unknown
     *             value) refuses the row with its message
     * @param key  what must not appear twice in one file
     */
    public RowChecks(Validator validator, Function<CsvRows.Row, T> read, Function<T, String> key) {
        this.validator = validator;
        this.read = read;
        this.key = key;
    }

    /**
     * @param rule the import's own check of a valid request not repeating an accepted one (scope, references): null,
     *             or why the row is refused
     */
    public Checked<T> check(List<CsvRows.Row> rows, String keyColumn, Function<T, String> rule) {
        List<T> accepted = new ArrayList<>();
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRows.Row row : rows) {
            String code = row.get(keyColumn);
            if (row.malformed() != null) {
                errors.add(new ImportReport.RowError(row.line(), code, row.malformed()));
                continue;
            }
            String problem;
            T request = null;
            try {
                request = read.apply(row);
                problem = violations(request);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem == null && seen.containsKey(key.apply(request))) {
                problem = keyColumn + " " + key.apply(request) + " appears again (first on line "
                        + seen.get(key.apply(request)) + ")";
            }
            // The rule last: it may count what the accepted rows take (a school's capacity).
            if (problem == null) {
                problem = rule.apply(request);
            }
            if (problem == null) {
                seen.put(key.apply(request), row.line());
            }
            if (problem != null) {
                errors.add(new ImportReport.RowError(row.line(), code, problem));
            } else {
                accepted.add(request);
            }
        }
        return new Checked<>(rows.size(), accepted, errors);
    }

    private String violations(T request) {
        Set<ConstraintViolation<T>> found = validator.validate(request);
        return found.isEmpty() ? null : String.join("; ", found.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
    }

    /** The answer to an import: the report, or 422 with it when nothing was stored. */
    public static Response response(ImportReport report) {
        if (!report.committed()) {
            return Problem.of(422, "import-rejected", "Import rejected",
                            report.rejected() + " of " + report.rows() + " rows are invalid; nothing was stored")
                    .withExtension("report", report).toResponse();
        }
        return Response.ok(report).build();
    }
}
