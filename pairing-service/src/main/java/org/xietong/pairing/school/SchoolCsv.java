package org.xietong.pairing.school;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the school CSV: UTF-8 with or without BOM, a header line naming the columns (any order), one school per
 * line. Line numbers count the header as line 1 (a quoted value spanning lines counts as one line). A row with
 * the wrong number of fields is reported as malformed instead of failing the whole file.
 */
final class SchoolCsv {

    static final Set<String> REQUIRED = Set.of("code", "name", "regionCode", "locationType", "level");
    static final Set<String> OPTIONAL = Set.of("latitude", "longitude", "studentCount", "qualityResource");

    /** A row: its fields by column, or why it could not be read. */
    record Row(int line, Map<String, String> fields, String malformed) {

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
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            List<String[]> records = it.readAll();
            if (records.isEmpty() || isBlank(records.get(0))) {
                throw invalid("The CSV is empty; its first line must name the columns");
            }
            List<String> header = List.of(records.get(0));
            checkHeader(header);
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < records.size(); i++) {
                String[] record = records.get(i);
                int line = i + 1;
                if (isBlank(record)) {
                    continue;
                }
                if (record.length != header.size()) {
                    rows.add(new Row(line, Map.of("code", record[0]), "the row has " + record.length
                            + " fields, the header " + header.size() + " (quote values that contain commas)"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), record[c]);
                }
                rows.add(new Row(line, fields, null));
            }
            if (rows.isEmpty()) {
                throw invalid("The CSV has no rows under its header");
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid("The CSV cannot be read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static boolean isBlank(String[] record) {
        return record.length == 0 || (record.length == 1 && record[0].isBlank());
    }

    private static void checkHeader(List<String> columns) {
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
