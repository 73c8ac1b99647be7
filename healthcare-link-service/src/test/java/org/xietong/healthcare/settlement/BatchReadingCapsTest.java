package org.xietong.healthcare.settlement;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The caps of a settlement batch, enforced by its readers as the body streams in. */
class BatchReadingCapsTest {

    private static final String HEADER = String.join(",", CsvBills.COLUMNS);

    private static String row(String billId, String item) {
        return billId + ",P1,141182,RESIDENT,,141182,H1411820001,INPATIENT,LOCAL,2025-08-01,,," + item + ",10.00";
    }

    private static BoundedLines lines(String text, int maxLineBytes, int maxLines) {
        return new BoundedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes, maxLines);
    }

    /** An endless body of one byte repeated, as an attacker's generator would send it. */
    private static InputStream endless(byte value) {
        return new InputStream() {
            @Override
            public int read() {
                return value;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, value);
                return len;
            }
        };
    }

    @Test
    void linesAreReadWithTheirNumbersWhateverTheirEnding() throws IOException {
        BoundedLines lines = lines("a\r\n\nb 汾阳\nc", 64, 10);
        assertEquals("a", lines.next());
        assertEquals("", lines.next());
        assertEquals("b 汾阳", lines.next());
        assertEquals("c", lines.next());
        assertEquals(4, lines.lineNumber());
        assertNull(lines.next());
    }

    @Test
    void aLineExactlyAtTheCapIsRead() throws IOException {
        assertEquals("x".repeat(64), lines("x".repeat(64) + "\r\nnext", 64, 10).next());
    }

    @Test
    void aLineOneByteOverTheCapIsRefused() {
        BoundedLines lines = lines("x".repeat(65) + "\n", 64, 10);
        BatchLimitException refused = assertThrows(BatchLimitException.class, lines::next);
        assertEquals("line-bytes", refused.problem().extensions().get("limit"));
        assertEquals(1, refused.problem().extensions().get("line"));
    }

    @Test
    void anEndlessLineIsRefusedOnceItPassesTheCapNamingTheLimitAndTheLine() throws IOException {
        BoundedLines lines = new BoundedLines(new java.io.SequenceInputStream(
                new ByteArrayInputStream("first\n".getBytes(StandardCharsets.UTF_8)), endless((byte) 'x')), 65_536, 10);
        lines.next();
        BatchLimitException refused = assertThrows(BatchLimitException.class, lines::next);
        assertEquals(413, refused.problem().status());
        assertEquals("line-bytes", refused.problem().extensions().get("limit"));
        assertEquals(2, refused.problem().extensions().get("line"));
    }

    @Test
    void aBodyOverTheLineCapIsRefusedAtTheFirstLineBeyondIt() throws IOException {
        BoundedLines lines = lines("1\n2\n3\n4\n", 64, 3);
        lines.next();
        lines.next();
        lines.next();
        BatchLimitException refused = assertThrows(BatchLimitException.class, lines::next);
        assertEquals("batch-lines", refused.problem().extensions().get("limit"));
        assertEquals(4, refused.problem().extensions().get("line"));
    }

    @Test
    void aBillOfExactlyTheCapIsOneBill() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 3; i++) {
            csv.append(row("B1", "A00" + i)).append('\n');
        }
        csv.append(row("B2", "A001")).append('\n');
        CsvBills bills = new CsvBills(lines(csv.toString(), 1024, 100), 3);
        assertEquals(3, bills.next().request().lines().size());
        assertEquals("B2", bills.next().billId());
        assertNull(bills.next());
    }

    @Test
    void aBillOverTheCapIsRefusedAtItsFirstLineBeyondItWithoutReadingTheRest() throws IOException {
        // A header and 3 rows of B1, then rows of B1 without end: the reader must stop at line 5.
        String start = HEADER + "\n" + (row("B1", "A001") + "\n").repeat(4);
        InputStream endlessRows = new InputStream() {
            private final byte[] one = (row("B1", "A001") + "\n").getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() {
                int b = one[at];
                at = (at + 1) % one.length;
                return b;
            }
        };
        CsvBills bills = new CsvBills(new BoundedLines(new java.io.SequenceInputStream(
                new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)), endlessRows), 1024, Integer.MAX_VALUE), 3);
        BatchLimitException refused = assertThrows(BatchLimitException.class, bills::next);
        assertEquals("bill-lines", refused.problem().extensions().get("limit"));
        assertEquals(5, refused.problem().extensions().get("line"));
        assertEquals(3, refused.problem().extensions().get("max"));
    }
}
