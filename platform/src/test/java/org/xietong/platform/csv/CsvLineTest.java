package org.xietong.platform.csv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CsvLineTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                arguments(named("plain fields", "B-1,110105,URBAN_EMPLOYEE"), List.of("B-1", "110105", "URBAN_EMPLOYEE")),
                arguments(named("empty fields, also the last", "B-1,,12.50,"), List.of("B-1", "", "12.50", "")),
                arguments(named("spaces kept", " B-1 , 12.50"), List.of(" B-1 ", " 12.50")),
                arguments(named("a quoted comma", "B-1,\"北京市, 朝阳区\",3"), List.of("B-1", "北京市, 朝阳区", "3")),
                arguments(named("a doubled quote", "\"say \"\"hi\"\"\",x"), List.of("say \"hi\"", "x")),
                arguments(named("an empty line", ""), List.of("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void aLineIsReadIntoItsFields(String line, List<String> fields) {
        assertEquals(fields, CsvLine.fields(line));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"B-1,\"110101199003074258", "B-1,\"a\"b,3"})
    void anUnreadableLineIsRefusedWithoutEchoingIt(String line) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CsvLine.fields(line));
        assertFalse(refused.getMessage().contains("110101199003074258"), refused.getMessage());
    }
}
