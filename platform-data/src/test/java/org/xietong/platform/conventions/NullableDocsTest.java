package org.xietong.platform.conventions;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NullableDocsTest {

    private static Schema school() {
        OpenAPI openAPI = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("School", OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .addProperty("code", OASFactory.createSchema().addType(SchemaType.STRING))
                        .addProperty("name", OASFactory.createSchema().addType(SchemaType.STRING))
                        .addProperty("region", OASFactory.createSchema().ref("#/components/schemas/Region"))
                        .addProperty("weekday", OASFactory.createSchema().addType(SchemaType.STRING)
                                .enumeration(List.of("MONDAY", "TUESDAY")))
                        .required(List.of("code"))));
        new NullableDocs().filterOpenAPI(openAPI);
        return openAPI.getComponents().getSchemas().get("School");
    }

    @Test
    void anOptionalPropertyMayBeNull() {
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), school().getProperties().get("name").getType());
    }

    /** An enum admits null beside its values, else a validator refuses a null weekday (live conformance). */
    @Test
    void anOptionalEnumBecomesTheEnumOrNull() {
        Schema weekday = school().getProperties().get("weekday");
        assertEquals(List.of("MONDAY", "TUESDAY"), weekday.getAnyOf().get(0).getEnumeration());
        assertEquals(List.of(SchemaType.STRING), weekday.getAnyOf().get(0).getType());
        assertEquals(List.of(SchemaType.NULL), weekday.getAnyOf().get(1).getType());
    }

    @Test
    void aRequiredPropertyStaysNonNull() {
        assertEquals(List.of(SchemaType.STRING), school().getProperties().get("code").getType());
    }

    @Test
    void anOptionalReferenceBecomesTheReferenceOrNull() {
        Schema region = school().getProperties().get("region");
        assertEquals("#/components/schemas/Region", region.getAnyOf().get(0).getRef());
        assertEquals(List.of(SchemaType.NULL), region.getAnyOf().get(1).getType());
    }
}
