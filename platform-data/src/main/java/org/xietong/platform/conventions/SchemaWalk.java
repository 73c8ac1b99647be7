package org.xietong.platform.conventions;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Every schema of an API document, each once: components, parameters, bodies, answers, headers, nested ones. */
final class SchemaWalk {

    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Consumer<Schema> visitor;

    private SchemaWalk(Consumer<Schema> visitor) {
        this.visitor = visitor;
    }

    static void forEach(OpenAPI openAPI, Consumer<Schema> visitor) {
        SchemaWalk walk = new SchemaWalk(visitor);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(walk::schema);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(walk::operation);
                }
            });
        }
    }

    /** One schema and those inside it. */
    static void forEach(Schema schema, Consumer<Schema> visitor) {
        new SchemaWalk(visitor).schema(schema);
    }

    private void operation(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> schema(parameter.getSchema()));
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                content(response.getContent());
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(header -> schema(header.getSchema()));
                }
            });
        }
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> schema(media.getSchema()));
        }
    }

    private void schema(Schema schema) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visitor.accept(schema);
        schema(schema.getItems());
        schema(schema.getAdditionalPropertiesSchema());
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::schema);
        }
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(this::schema);
            }
        }
    }
}
