package org.xietong.pairing.school;

import java.util.HashMap;
import java.util.Map;

/** Request bodies for schools; a township junior school unless a test says otherwise. */
final class SchoolFixtures {

    private SchoolFixtures() {
    }

    static Map<String, Object> school(String code, String name, String regionCode) {
        return school(code, name, regionCode, "TOWNSHIP", "JUNIOR");
    }

    static Map<String, Object> school(String code, String name, String regionCode, String locationType, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("regionCode", regionCode);
        body.put("locationType", locationType);
        body.put("level", level);
        return body;
    }
}
