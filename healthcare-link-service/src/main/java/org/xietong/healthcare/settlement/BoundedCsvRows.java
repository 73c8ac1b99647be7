package org.xietong.healthcare.settlement;

import org.xietong.platform.csv.CsvLine;

import java.io.IOException;
import java.util.List;

/**
 * CSV records of a batch body, one per line, parsed by platform's {@link CsvLine} (Jackson CSV, as imports are:
 * quoting by RFC 4180), but streamed line by line off {@link BoundedLines}, so a batch of a million lines is never
 * held and its caps (bytes of a line, lines of the body) hold as they do for NDJSON. A record never spans lines: a
 * line that is not one whole record is reported unreadable on its own and the lines after it are still read.
 * Platform's reader takes the whole text and refuses it on the first unknown column, which suits a 10,000-row import,
 * not this.
 */
final class BoundedCsvRows {

    /** A line's fields as written (not stripped), or why the line is not one CSV record. */
    record Row(int line, List<String> fields, String unreadable) {
    }

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
        try {
            return new Row(line, CsvLine.fields(text), null);
        } catch (IllegalArgumentException unreadable) {
            return new Row(line, List.of(), unreadable.getMessage());
        }
    }
}
