package org.xietong.platform.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.List;

/**
 * One CSV line read into its fields by the same Jackson CSV reader as {@link CsvRows}, for readers that take a body
 * line by line under their own caps (a streamed batch): a quoted value may hold commas and doubled quotes, not line
 * breaks. Fields are as written (not stripped); an empty line is one empty field.
 */
public final class CsvLine {

    private static final ObjectReader READER = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerFor(String[].class);

    private CsvLine() {
    }

    /** The fields of {@code line}; an unreadable line (an unclosed quote) is an {@link IllegalArgumentException}. */
    public static List<String> fields(String line) {
        if (line.isEmpty()) {
            return List.of("");
        }
        try (MappingIterator<String[]> records = READER.readValues(line)) {
            String[] fields = records.hasNextValue() ? records.nextValue() : null;
            return fields == null || fields.length == 0 ? List.of("") : List.of(fields);
        } catch (IOException | RuntimeException e) {
            // Jackson's message quotes the line, which may hold personal data: the reason is named, not echoed.
            throw new IllegalArgumentException("the line is not valid CSV (a quote is not closed, or text follows a closing quote)");
        }
    }
}
