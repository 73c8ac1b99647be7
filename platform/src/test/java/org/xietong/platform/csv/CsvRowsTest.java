package org.xietong.platform.csv;

import org.junit.jupiter.api.Test;
import org.xietong.platform.problem.ProblemException;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowsTest {

    private record Limits(int maxRows, int maxRecordChars) implements CsvImportLimits {
    }

    private static final CsvImportLimits DEFAULTS = new Limits(10_000, 4_096);

    private static List<CsvRows.Row> parse(String text, CsvImportLimits limits) {
        return CsvRows.parse(text, Set.of("code", "name"), Set.of(), "code", limits);
    }

    @Test
    void aRowWithANulCharacterIsRefusedAloneAndTheOthersAreRead() {
        List<CsvRows.Row> rows = parse("code,name\n1111018001,穆家峪中学\n1111018002,坏\u0000名\n", DEFAULTS);
        assertEquals(2, rows.size());
        assertNull(rows.get(0).malformed());
        assertEquals("穆家峪中学", rows.get(0).get("name"));
        assertEquals(3, rows.get(1).line());
        assertEquals("1111018002", rows.get(1).get("code"));
        assertTrue(rows.get(1).malformed().contains("'name' contains a NUL character"), rows.get(1).malformed());
    }

    @Test
    void anImportOfExactlyTheRowCapIsReadBlankLinesNotCounted() {
        assertEquals(3, parse("code,name\n1,a\n\n2,b\n3,c\n", new Limits(3, 100)).size());
    }

    @Test
    void anImportOverTheRowCapIsRefusedAtTheFirstRowBeyondItNamingTheCap() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> parse("code,name\n1,a\n2,b\n\n3,c\n4,d\n", new Limits(2, 100)));
        assertEquals(413, refused.problem().status());
        assertEquals("rows", refused.problem().extensions().get("limit"));
        assertEquals(2, refused.problem().extensions().get("max"));
        assertEquals(5, refused.problem().extensions().get("line"));
    }

    @Test
    void aRowOverTheCharacterCapIsRefusedNamingItsLine() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> parse("code,name\n1,a\n2,\"" + "长".repeat(200) + "\"\n", new Limits(10, 100)));
        assertEquals(413, refused.problem().status());
        assertEquals("record-chars", refused.problem().extensions().get("limit"));
        assertEquals(3, refused.problem().extensions().get("line"));
    }
}
