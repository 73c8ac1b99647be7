package org.xietong.healthcare.settlement;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class BoundedCsvRowsTest {

    private static BoundedCsvRows rows(String text) {
        return new BoundedCsvRows(new BoundedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                1024, 100));
    }

    @Test
    void theHeaderLosesItsByteOrderMarkAndRowsKeepEmptyTrailingFields() throws IOException {
        BoundedCsvRows rows = rows("\uFEFFbillId,amount,note\r\nB1,10.00,\n");
        assertEquals(List.of("billId", "amount", "note"), rows.header().fields());
        BoundedCsvRows.Row row = rows.next();
        assertEquals(List.of("B1", "10.00", ""), row.fields());
        assertEquals(2, row.line());
        assertNull(rows.next());
    }

    @Test
    void aQuotedFieldMayHoldACommaAndBlankLinesAreSkipped() throws IOException {
        BoundedCsvRows rows = rows("a,b\n\n  \n\"汾阳, 山西\",x\n");
        rows.header();
        BoundedCsvRows.Row row = rows.next();
        assertEquals(List.of("汾阳, 山西", "x"), row.fields());
        assertEquals(4, row.line());
    }

    @Test
    void aLineThatIsNotOneRecordIsReportedAndTheNextLineIsStillRead() throws IOException {
        BoundedCsvRows rows = rows("a,b\n\"open,x\nB2,y\n");
        rows.header();
        BoundedCsvRows.Row broken = rows.next();
        assertNotNull(broken.unreadable());
        assertEquals(2, broken.line());
        assertEquals(List.of("B2", "y"), rows.next().fields());
    }

    @Test
    void anEmptyBodyHasNoHeader() throws IOException {
        assertNull(rows("").header());
    }
}
