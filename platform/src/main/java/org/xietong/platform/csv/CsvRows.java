package org.xietong.platform.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.xietong.platform.api.StorableText;
import org.xietong.platform.problem.ProblemException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an import CSV: UTF-8 with or without BOM, a header line naming the columns (any order), one record per
 * line. Line numbers count the header as line 1 (a quoted value spanning lines counts as one line). A row with
 * the wrong number of fields is reported as malformed instead of failing the whole file. Field parsers throw
 * {@link IllegalArgumentException} with a message fit for the row report. The caps of {@link CsvImportLimits} are
 * enforced record by record as the file is read: past a cap the import is refused whole with a 413 problem naming
 * the cap ({@code limit}), its value ({@code max}) and the line.
 */
public final class CsvRows {

    /** A row: its fields by column, or why it could not be read. */
    public record Row(int line, Map<String, String> fields, String malformed) {

        public String get(String column) {
            String value = fields.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        public <E extends Enum<E>> E enumValue(Class<E> type, String column) {
            String value = get(column);
            return value == null ? null : enumOf(type, value, column);
        }

        public Double doubleValue(String column) {
            String value = get(column);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a number");
            }
        }

        /** A decimal as written (money, percentages), never through a binary double. */
        public BigDecimal decimalValue(String column) {
            String value = get(column);
            try {
                return value == null ? null : new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a number");
            }
        }

        public Integer intValue(String column) {
            String value = get(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a whole number");
            }
        }

        public Boolean booleanValue(String column) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "是" -> true;
                case "false", "no", "0", "否" -> false;
                default -> throw new IllegalArgumentException(column + " '" + value + "' is not true or false");
            };
        }

        public LocalDate dateValue(String column) {
            String value = get(column);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(column + " '" + value + "' is not a date like 2024-09-01");
            }
        }

        /** A multi-valued field, its values separated by ';', '；' or '|'. */
        public List<String> listValue(String column) {
            String value = get(column);
            return value == null ? List.of()
                    : Arrays.stream(value.split("[;；|]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
    }

    private CsvRows() {
    }

    /** One enum value of a field, case-insensitive. */
    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Rows keyed for the report by {@code keyColumn}; a header naming other columns than these is refused. */
    public static List<Row> parse(String text, Set<String> required, Set<String> optional, String keyColumn,
                                  CsvImportLimits limits) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            if (!it.hasNext()) {
                throw invalid("The CSV is empty; its first line must name the columns");
            }
            String[] first = it.next();
            if (isBlank(first)) {
                throw invalid("The CSV is empty; its first line must name the columns");
            }
            requireWithin(first, 1, limits);
            List<String> header = List.of(first);
            checkHeader(header, required, optional);
            int keyIndex = header.indexOf(keyColumn);
            List<Row> rows = new ArrayList<>();
            int line = 1;
            while (it.hasNext()) {
                String[] record = it.next();
                line++;
                if (isBlank(record)) {
                    continue;
                }
                requireWithin(record, line, limits);
                if (rows.size() == limits.maxRows()) {
                    throw tooLarge("rows", limits.maxRows(), line, "The import has more than " + limits.maxRows()
                            + " rows, the most one import may have (line " + line + " is the first beyond); "
                            + "split the file");
                }
                if (record.length != header.size()) {
                    String key = keyIndex >= 0 && keyIndex < record.length ? record[keyIndex] : record[0];
                    rows.add(new Row(line, Map.of(keyColumn, key), "the row has " + record.length
                            + " fields, the header " + header.size() + " (quote values that contain commas)"));
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                String unstorable = null;
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), record[c]);
                    String why = StorableText.unstorable(record[c]);
                    if (unstorable == null && why != null) {
                        unstorable = "'" + header.get(c) + "' " + why;
                    }
                }
                // Refused here, row by row, rather than by the database for the whole import.
                rows.add(unstorable == null ? new Row(line, fields, null)
                        : new Row(line, Map.of(keyColumn, keyIndex >= 0 ? record[keyIndex] : record[0]), unstorable));
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

    private static void requireWithin(String[] record, int line, CsvImportLimits limits) {
        long chars = record.length - 1L;
        for (String field : record) {
            chars += field.length();
        }
        if (chars > limits.maxRecordChars()) {
            throw tooLarge("record-chars", limits.maxRecordChars(), line, "Line " + line + " holds more than "
                    + limits.maxRecordChars() + " characters, the most one row of an import may have");
        }
    }

    private static ProblemException tooLarge(String limit, int max, int line, String detail) {
        return ProblemException.tooLarge("import-limit-exceeded", "Import too large", detail)
                .withExtension("limit", limit).withExtension("max", max).withExtension("line", line);
    }

    private static boolean isBlank(String[] record) {
        return record.length == 0 || (record.length == 1 && record[0].isBlank());
    }

    private static void checkHeader(List<String> columns, Set<String> required, Set<String> optional) {
        for (String column : columns) {
            if (!required.contains(column) && !optional.contains(column)) {
                throw invalid("Unknown column '" + column + "'; columns are " + required.stream().sorted().toList()
                        + " and optionally " + optional.stream().sorted().toList());
            }
        }
        List<String> missing = required.stream().filter(c -> !columns.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw invalid("The header lacks the column(s) " + missing);
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-csv", "Invalid CSV", detail);
    }
}
