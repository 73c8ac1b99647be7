package org.xietong.platform.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's access table is the access model's, word for word: a purpose changed here fails until it is there. */
class ReadmeAccessTableTest {

    private record Row(String description, Set<String> holders, boolean grantable) {
    }

    @Test
    void theReadmeListsEveryPurposeWithItsRolesAndPartnerGrant() throws IOException {
        Map<String, Row> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length == 6 && cells[1].trim().matches("`[a-z]+:[a-z-]+`")) {
                documented.put(cells[1].trim().replace("`", ""), new Row(cells[2].trim(),
                        Arrays.stream(cells[3].split(",")).map(String::trim).collect(Collectors.toSet()),
                        cells[4].trim().equals("yes")));
            }
        }
        Map<String, Row> model = new TreeMap<>();
        for (Purpose purpose : Purpose.values()) {
            model.put(purpose.purposeName(), new Row(purpose.description(), purpose.holders(), purpose.partnerGrantable()));
        }
        assertEquals(model, documented);
    }
}
