package org.xietong.healthcare.settlement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records of a batch body, one per line, parsed by Jackson CSV as platform's {@code CsvRows} parses imports
 * (quoting by RFC 4180), but streamed line by line off {@link BoundedLines}, so a batch of a million lines is never
 * held and its caps (bytes of a line, lines of the body) hold as they do for NDJSON. A record never spans lines: a
 * line that is not one whole record is reported unreadable on its own and the lines after it are still read.
 * Platform's reader takes the whole text and refuses it on the first unknown column, which suits a 10,000-row import,
 * not this.
 */
final class BoundedCsvRows {

    /** A line's fields as written (not stripped), or why the line is not one CSV record. */
    record Row(int line, List<String> fields, String unreadable) {
    }

    private static final CsvFactory CSV = new CsvFactory();

    private final BoundedLines lines;

    BoundedCsvRows(BoundedLines lines) {
        this.lines = lines;
    }

    /** The first line, without a UTF-8 byte order mark, or null for an empty body. */
    Row header() throws IOException {
        String text = lines.next();
        if (text == null) {
            return null;
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The next line that is not blank, or null at the end of the body. */
    Row next() throws IOException {
        String text;
        do {
            text = lines.next();
        } while (text != null && text.isBlank());
        return text == null ? null : parse(text);
    }

    private Row parse(String text) {
        int line = lines.lineNumber();
        List<String> fields = new ArrayList<>(16);
        try (JsonParser parser = CSV.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText());
                }
                if (token != JsonToken.END_ARRAY || parser.nextToken() != null) {
                    return new Row(line, List.of(), "it is not one CSV record");
                }
            } else {
                fields.add("");
            }
            return new Row(line, fields, null);
        } catch (IOException e) {
            return new Row(line, List.of(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
