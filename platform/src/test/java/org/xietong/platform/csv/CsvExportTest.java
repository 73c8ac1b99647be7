package org.xietong.platform.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvExportTest {

    @Test
    void anExportIsUtf8WithAByteOrderMarkAndCrlfLines() {
        byte[] bytes = CsvExport.withHeader(List.of("regionCode", "name")).row(List.of("141182", "汾阳市")).bytes();
        assertEquals("\uFEFFregionCode,name\r\n141182,汾阳市\r\n", new String(bytes, StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, bytes[0]);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "北京市日坛中学 | 北京市日坛中学",
            "a,b | \"a,b\"",
            "say \"hi\" | \"say \"\"hi\"\"\"",
            "=HYPERLINK(\"x\") | \"'=HYPERLINK(\"\"x\"\")\"",
            "+86 | '+86",
            "@SUM(A1) | '@SUM(A1)",
            "-12.5 | -12.5"})
    void aTextCellIsQuotedAndNeverRunAsAFormula(String value, String written) {
        assertEquals(written, CsvExport.cell(value));
    }

    @Test
    void numbersAndEmptyCellsAreWrittenPlainly() {
        assertEquals(List.of("0.93", "-3", ""), Arrays.asList(CsvExport.cell(new BigDecimal("0.93")),
                CsvExport.cell(-3), CsvExport.cell(null)));
    }
}
