package org.xietong.platform.conventions;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generator makes components of the JDK types it meets ({@code LocalDate}, {@code Instant}, {@code UUID},
 * {@code DayOfWeek} …); a client generated from them gets model classes named like, and clashing with, the JDK's.
 * They are plain strings with a format (or an enum), so each reference is replaced by the schema itself and the
 * components go.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class JdkTypeSchemas implements OASFilter {

    static final Set<String> JDK_TYPES = Set.of("LocalDate", "LocalTime", "LocalDateTime", "Instant",
            "OffsetDateTime", "ZonedDateTime", "Duration", "Period", "YearMonth", "Year", "MonthDay", "DayOfWeek",
            "Month", "UUID", "URI", "URL", "BigDecimal", "BigInteger");
    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> jdk = openAPI.getComponents().getSchemas().entrySet().stream()
                .filter(component -> JDK_TYPES.contains(component.getKey()))
                .collect(Collectors.toMap(component -> REF + component.getKey(), Map.Entry::getValue));
        if (jdk.isEmpty()) {
            return;
        }
        SchemaWalk.forEach(openAPI, schema -> {
            Schema target = schema.getRef() == null ? null : jdk.get(schema.getRef());
            if (target != null) {
                inline(schema, target);
            }
        });
        jdk.keySet().forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(REF.length())));
    }

    /** What the JDK types' schemas hold: a type with a format, a pattern or an enum, and examples. */
    static void inline(Schema schema, Schema target) {
        schema.setRef(null);
        schema.setType(target.getType() == null ? null : new ArrayList<>(target.getType()));
        schema.setFormat(target.getFormat());
        schema.setPattern(target.getPattern());
        schema.setMaxLength(target.getMaxLength());
        if (target.getEnumeration() != null) {
            schema.setEnumeration(new ArrayList<>(target.getEnumeration()));
        }
        if (target.getExamples() != null) {
            schema.setExamples(new ArrayList<>(target.getExamples()));
        }
        if (schema.getDescription() == null) {
            schema.setDescription(target.getDescription());
        }
    }
}
