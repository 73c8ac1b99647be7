package org.xietong.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Component renaming cases the stand-in services of {@link MergedOpenApiTest} do not reach. */
class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(Optional.of("http://localhost:8180/realms/xietong/"));

    @Test
    void aRenameThatWouldHitAnExistingNameGetsANumber() throws Exception {
        // As in the real services: pairing has its own PairingKind besides a Kind that rotation shapes differently.
        JsonNode pairing = document("""
                {"Kind": {"type": "string", "enum": ["FARM", "LAB"]},
                 "PairingKind": {"type": "string", "enum": ["HAND_IN_HAND", "REGION"]},
                 "Resource": {"type": "object", "properties": {"kind": {"$ref": "#/components/schemas/Kind"}}}}""");
        JsonNode rotation = document("""
                {"Kind": {"type": "string", "enum": ["ROTATION", "SECONDMENT"]}}""");
        JsonNode merged = merger.merge(List.of(
                new OpenApiMerger.ServiceDocument("pairing", "/api/v1/pairing", pairing),
                new OpenApiMerger.ServiceDocument("rotation", "/api/v1/rotation", rotation)), List.of());

        JsonNode schemas = merged.at("/components/schemas");
        assertEquals("HAND_IN_HAND", schemas.at("/PairingKind/enum/0").asText(), "pairing's own PairingKind is kept");
        assertEquals("FARM", schemas.at("/PairingKind2/enum/0").asText());
        assertEquals("ROTATION", schemas.at("/RotationKind/enum/0").asText());
        assertEquals("#/components/schemas/PairingKind2", schemas.at("/Resource/properties/kind/$ref").asText());
        assertTrue(schemas.path("Kind").isMissingNode());
    }

    @Test
    void discriminatorMappingsFollowTheRenameAndTheRealmUrlLosesItsTrailingSlash() throws Exception {
        JsonNode pairing = document("""
                {"Event": {"oneOf": [{"$ref": "#/components/schemas/Created"}],
                   "discriminator": {"propertyName": "type", "mapping": {"created": "#/components/schemas/Created"}}},
                 "Created": {"type": "object", "properties": {"school": {"type": "string"}}}}""");
        JsonNode healthcare = document("""
                {"Created": {"type": "object", "properties": {"institution": {"type": "string"}}}}""");
        JsonNode merged = merger.merge(List.of(
                new OpenApiMerger.ServiceDocument("healthcare", "/api/v1/healthcare", healthcare),
                new OpenApiMerger.ServiceDocument("pairing", "/api/v1/pairing", pairing)), List.of("rotation"));

        assertEquals("#/components/schemas/PairingCreated",
                merged.at("/components/schemas/Event/discriminator/mapping/created").asText());
        assertEquals("#/components/schemas/PairingCreated", merged.at("/components/schemas/Event/oneOf/0/$ref").asText());
        assertTrue(merged.at("/components/schemas/HealthcareCreated/properties").has("institution"));
        assertEquals("http://localhost:8180/realms/xietong/protocol/openid-connect/token",
                merged.at("/components/securitySchemes/keycloak/flows/authorizationCode/tokenUrl").asText());
        assertEquals("rotation", merged.at("/x-xietong-unavailable/0").asText());
    }

    private static JsonNode document(String schemas) throws Exception {
        return JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
                 "components": {"schemas": %s}}""".formatted(schemas));
    }
}
