package org.xietong.platform.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's access table, found under its heading "Access by purpose" wherever that section sits, is the access
 * model's, word for word: a purpose changed here fails until it is there.
 */
class ReadmeAccessTableTest {

    private static final String HEADING = "Access by purpose";

    private record Row(String description, Set<String> holders, boolean grantable) {
    }

    @Test
    void theReadmeListsEveryPurposeWithItsRolesAndPartnerGrant() throws IOException {
        Map<String, Row> documented = new TreeMap<>();
        for (String line : section(Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8), HEADING)) {
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

    /** The lines under the Markdown heading {@code title} (any level) up to the next heading of that level or higher. */
    private static List<String> section(List<String> lines, String title) {
        int[] levels = headingLevels(lines);
        for (int start = 0; start < lines.size(); start++) {
            if (levels[start] > 0 && lines.get(start).substring(levels[start]).trim().equals(title)) {
                int end = start + 1;
                while (end < lines.size() && !(levels[end] > 0 && levels[end] <= levels[start])) {
                    end++;
                }
                return lines.subList(start + 1, end);
            }
        }
        return fail("README.md has no heading \"" + title + "\"");
    }

    /** Each line's heading level (2 for "## Title"), 0 for a line that is no heading, such as a shell comment in a code block. */
    private static int[] headingLevels(List<String> lines) {
        int[] levels = new int[lines.size()];
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            int level = 0;
            while (level < line.length() && line.charAt(level) == '#') {
                level++;
            }
            levels[i] = !inCode && level > 0 && level < line.length() && line.charAt(level) == ' ' ? level : 0;
        }
        return levels;
    }
}
