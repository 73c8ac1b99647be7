package org.xietong.platform.conventions;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.math.BigDecimal;
import java.util.List;

/**
 * Bounds the generated schemas as the Java types behind them already bound the values, so a validator or a
 * generated client knows them: an {@code int32} or {@code int64} without a range gets the type's range (a value
 * outside it is refused as a malformed request), and a {@code @Pattern} regex, which Bean Validation matches
 * against the whole value, is anchored ({@code ^…$}) as JSON Schema needs to mean the same, and gives the string
 * the longest length it can match as its maxLength. The generator's {@code @NotBlank} pattern ({@value #NOT_BLANK}:
 * somewhere a non-blank character) is a search, not a whole-value match, and stays unanchored.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SchemaBoundsDocs implements OASFilter {

    static final String NOT_BLANK = "\\S";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SchemaWalk.forEach(openAPI, SchemaBoundsDocs::bound);
    }

    static void bound(Schema schema) {
        List<SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(SchemaType.INTEGER)) {
            boolean narrow = "int32".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int64");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(narrow ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(narrow ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (schema.getPattern() != null && !NOT_BLANK.equals(schema.getPattern())) {
            if (schema.getMaxLength() == null) {
                RegexLength.of(schema.getPattern()).ifPresent(schema::setMaxLength);
            }
            schema.setPattern(anchored(schema.getPattern()));
        }
    }

    /** {@code ^(?:regex)$} unless plainly anchored at both ends already (no alternation that could escape). */
    static String anchored(String pattern) {
        if (pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$") && !pattern.contains("|")) {
            return pattern;
        }
        return "^(?:" + pattern + ")$";
    }
}
