package org.xietong.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

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

    @Test
    void aNulCharacterOrALoneSurrogateIsRefusedNamingTheField() {
        InvalidFormatException nul = assertThrows(InvalidFormatException.class,
                () -> mapper().readValue("{\"name\":\"乌鲁木齐\\u0000中学\"}", School.class));
        assertEquals("name", nul.getPath().get(0).getFieldName());
        assertThrows(InvalidFormatException.class,
                () -> mapper().readValue("{\"name\":\"乌鲁木齐\\ud800中学\"}", School.class));
        assertThrows(InvalidFormatException.class,
                () -> mapper().readValue("{\"tags\":[\"x\\udc00\"]}", School.class));
        assertThrows(InvalidFormatException.class,
                () -> mapper().readValue("{\"name\":\"\\ude00\\ud83d\"}", School.class));
    }
}
