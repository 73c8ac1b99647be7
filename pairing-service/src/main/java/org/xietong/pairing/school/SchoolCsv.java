package org.xietong.pairing.school;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the school CSV: UTF-8 with or without BOM, a header line naming the columns (any order), one school per
 * line. Line numbers count the header as line 1.
 */
final class SchoolCsv {

    static final Set<String> REQUIRED = Set.of("code", "name", "regionCode", "locationType", "level");
    static final Set<String> OPTIONAL = Set.of("latitude", "longitude", "studentCount", "qualityResource");

    record Row(int line, Map<String, String> fields) {

        String get(String column) {
            String value = fields.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private SchoolCsv() {
    }

    static List<Row> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            boolean more = it.hasNextValue();
            CsvSchema header = (CsvSchema) it.getParserSchema();
            if (header == null || header.size() == 0) {
                throw invalid("The CSV is empty; its first line must name the columns");
            }
            checkHeader(header);
            List<Row> rows = new ArrayList<>();
            while (more) {
                Map<String, String> fields = it.nextValue();
                rows.add(new Row(it.getCurrentLocation().getLineNr() - (csv.endsWith("\n") ? 1 : 0), fields));
                more = it.hasNextValue();
            }
            if (rows.isEmpty()) {
                throw invalid("The CSV has no rows under its header");
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid("The CSV cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void checkHeader(CsvSchema header) {
        List<String> columns = new ArrayList<>();
        header.forEach(c -> columns.add(c.getName()));
        for (String column : columns) {
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                throw invalid("Unknown column '" + column + "'; columns are " + REQUIRED + " and optionally " + OPTIONAL);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw invalid("The header lacks the column(s) " + missing);
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of(400, "invalid-csv", "Invalid CSV", detail));
    }
}
