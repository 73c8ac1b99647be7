package org.xietong.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StorableTextTest {

    record School(String name, List<String> tags) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StorableText().customize(mapper);
        return mapper;
    }

    @Test
    void unusualButValidUnicodeIsText() throws Exception {
        String odd = "乌鲁木齐😀\u202E学中\u200D𠀀e\u0301";
        School school = mapper().readValue("{\"name\":\"" + odd + "\",\"tags\":[\"\\ud83d\\ude00\"]}", School.class);
        assertEquals(odd, school.name());
        assertEquals(List.of("😀"), school.tags());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a NUL character                 | {\"name\":\"乌鲁木齐\\u0000中学\"} | name",
            "a lone high surrogate           | {\"name\":\"乌鲁木齐\\ud800中学\"} | name",
            "a lone low surrogate in a list  | {\"tags\":[\"x\\udc00\"]}         | tags",
            "a surrogate pair the wrong way  | {\"name\":\"\\ude00\\ud83d\"}       | name",
    })
    void aNulCharacterOrALoneSurrogateIsRefusedNamingTheField(String what, String json, String field) {
        InvalidFormatException refused = assertThrows(InvalidFormatException.class,
                () -> mapper().readValue(json, School.class), what);
        assertEquals(field, refused.getPath().get(0).getFieldName());
    }
}
