package org.xietong.pairing.school;

import java.util.HashMap;
import java.util.Map;

/** Request bodies for schools; a township junior school unless a test says otherwise. */
public final class SchoolFixtures {

    private SchoolFixtures() {
    }

    public static Map<String, Object> school(String code, String name, String regionCode) {
        return school(code, name, regionCode, "TOWNSHIP", "JUNIOR");
    }

    public static Map<String, Object> school(String code, String name, String regionCode, String locationType, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("regionCode", regionCode);
        body.put("locationType", locationType);
        body.put("level", level);
        return body;
    }

    /** Registers a junior school through the API as the given caller; the answer's status is for the test to check. */
    public static io.restassured.response.Response register(String token, String code, String name, String regionCode,
                                                            String locationType) {
        return io.restassured.RestAssured.given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON)
                .body(school(code, name, regionCode, locationType, "JUNIOR")).post("/api/v1/pairing/schools");
    }
}
