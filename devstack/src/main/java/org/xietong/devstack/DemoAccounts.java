package org.xietong.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo users and partner clients as the realm file defines them, so the printed table never drifts from it. */
public record DemoAccounts(List<User> users, List<Partner> partners) {

    public record User(String username, String name, List<String> roles, String regionCode, String scope) {
    }

    /** A partner client; {@code roles} are its service account's: partner-system and the purposes granted. */
    public record Partner(String clientId, String secret, String regionCode, List<String> roles) {
    }

    public static DemoAccounts read(Path realmFile) throws IOException {
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        List<User> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            JsonNode attributes = user.path("attributes");
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(r -> {
                if (!r.asText().startsWith("default-roles")) {
                    roles.add(r.asText());
                }
            });
            String scope = first(attributes, "school_code");
            if (scope.isEmpty()) {
                scope = first(attributes, "institution_code");
            }
            if (scope.isEmpty()) {
                scope = first(attributes, "teacher_id");
            }
            users.add(new User(user.path("username").asText(),
                    user.path("firstName").asText(""),
                    roles, first(attributes, "region_code"), scope));
        }
        List<Partner> partners = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if (client.path("serviceAccountsEnabled").asBoolean() && client.path("clientId").asText().startsWith("partner-")) {
                String region = "";
                for (JsonNode mapper : client.path("protocolMappers")) {
                    if ("region_code".equals(mapper.path("config").path("claim.name").asText())) {
                        region = mapper.path("config").path("claim.value").asText();
                    }
                }
                String clientId = client.path("clientId").asText();
                List<String> roles = new ArrayList<>();
                for (JsonNode user : realm.path("users")) {
                    if (clientId.equals(user.path("serviceAccountClientId").asText())) {
                        user.path("realmRoles").forEach(r -> roles.add(r.asText()));
                    }
                }
                partners.add(new Partner(clientId, client.path("secret").asText(), region, List.copyOf(roles)));
            }
        }
        return new DemoAccounts(users, partners);
    }

    private static String first(JsonNode attributes, String name) {
        JsonNode value = attributes.path(name);
        return value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText("");
    }
}
