package org.xietong.platform.csv;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRowsTest {

    @Test
    void aRowWithANulCharacterIsRefusedAloneAndTheOthersAreRead() {
        List<CsvRows.Row> rows = CsvRows.parse("code,name\n1111018001,穆家峪中学\n1111018002,坏\u0000名\n", Set.of("code", "name"),
                Set.of(), "code");
        assertEquals(2, rows.size());
        assertNull(rows.get(0).malformed());
        assertEquals("穆家峪中学", rows.get(0).get("name"));
        assertEquals(3, rows.get(1).line());
        assertEquals("1111018002", rows.get(1).get("code"));
        assertTrue(rows.get(1).malformed().contains("'name' contains a NUL character"), rows.get(1).malformed());
    }
}
