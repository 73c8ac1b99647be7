package org.xietong.platform.conventions;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JdkTypeSchemasTest {

    @Test
    void aReferenceToAJdkTypeBecomesTheStringItIsAndTheComponentGoes() {
        Schema visitDate = OASFactory.createSchema().ref("#/components/schemas/LocalDate");
        OpenAPI api = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("LocalDate", OASFactory.createSchema().addType(SchemaType.STRING).format("date"))
                .addSchema("Visit", OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("date", visitDate)));

        new JdkTypeSchemas().filterOpenAPI(api);

        assertNull(visitDate.getRef());
        assertEquals(List.of(SchemaType.STRING), visitDate.getType());
        assertEquals("date", visitDate.getFormat());
        assertEquals(List.of("Visit"), List.copyOf(api.getComponents().getSchemas().keySet()));
    }
}
