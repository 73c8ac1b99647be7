package org.xietong.devstack.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a service's OpenAPI document (JSON) says of one operation, for tests that check the published contract. */
public final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocument() {
    }

    /** The names the operation's security requirements list: its purposes (empty when it declares none). */
    public static List<String> purposes(String document, String method, String path) {
        try {
            JsonNode operation = JSON.readTree(document).path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                throw new IllegalArgumentException("the document has no operation " + method + " " + path);
            }
            List<String> purposes = new ArrayList<>();
            operation.path("security").forEach(requirement -> requirement.forEach(scheme ->
                    scheme.forEach(name -> purposes.add(name.asText()))));
            return purposes;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON OpenAPI document", e);
        }
    }
}
