package org.xietong.healthcare.settlement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a batch body read as UTF-8 with a cap on the bytes of one line and on the lines of the body, both
 * enforced while reading: a line is never held beyond its cap (a 300 MB line costs one cap of memory, not 300 MB),
 * and the batch stops at the first line over either cap.
 */
final class BoundedLines {

    private final InputStream in;
    private final int maxLineBytes;
    private final int maxLines;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private int lineNumber;

    BoundedLines(InputStream in, int maxLineBytes, int maxLines) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxLines = maxLines;
    }

    /** The number of the line {@link #next()} returned last, counting from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the body. */
    String next() throws IOException {
        length = 0;
        boolean read = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!read) {
                    return null;
                }
                break;
            }
            read = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                break;
            }
        }
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (end > maxLineBytes) {
            throw BatchLimitException.lineTooLong(lineNumber + 1, maxLineBytes);
        }
        if (lineNumber == maxLines) {
            throw BatchLimitException.tooManyLines(lineNumber + 1, maxLines);
        }
        lineNumber++;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int start, int count) {
        // One byte of slack for the '\r' of a CRLF line that is exactly at the cap.
        if (length + count > maxLineBytes + 1) {
            throw BatchLimitException.lineTooLong(lineNumber + 1, maxLineBytes);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, length + count), maxLineBytes + 1));
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }
}
