package org.xietong.platform.conventions;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services write an absent optional field as JSON null; the document says so: every property not listed in
 * its object's {@code required} is nullable, the OpenAPI 3.1 way ("null" added to its type; a {@code $ref}
 * property becomes {@code anyOf: [{$ref}, {type: null}]}, since siblings of $ref do not type it, and so does an enum, whose values could not list null).
 * Runs after the other filters (lowest priority), so the schemas they inline or add are covered too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = Integer.MIN_VALUE)
public class NullableDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<Schema> objects = new ArrayList<>();
        SchemaWalk.forEach(openAPI, schema -> {
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                objects.add(schema);
            }
        });
        objects.forEach(NullableDocs::optionalPropertiesNullable);
    }

    static void optionalPropertiesNullable(Schema object) {
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        for (Map.Entry<String, Schema> property : Map.copyOf(object.getProperties()).entrySet()) {
            if (!required.contains(property.getKey())) {
                object.addProperty(property.getKey(), nullable(property.getValue()));
            }
        }
    }

    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            return OASFactory.createSchema()
                    .addAnyOf(OASFactory.createSchema().ref(schema.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (schema.getEnumeration() != null) {
            return OASFactory.createSchema().addAnyOf(schema)
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (schema.getType() != null && !schema.getType().isEmpty() && !schema.getType().contains(SchemaType.NULL)) {
            schema.addType(SchemaType.NULL);
        }
        return schema;
    }
}
