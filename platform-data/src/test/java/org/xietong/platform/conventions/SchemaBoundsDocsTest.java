package org.xietong.platform.conventions;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaBoundsDocsTest {

    private static Schema bounded(Schema schema) {
        SchemaWalk.forEach(schema, SchemaBoundsDocs::bound);
        return schema;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {
            "[1-9][0-9]{0,5} → ^(?:[1-9][0-9]{0,5})$",
            "^[A-Z]{2}$ → ^[A-Z]{2}$",
            "a|b → ^(?:a|b)$",
            "^a|b$ → ^(?:^a|b$)$",
            "^price\\$ → ^(?:^price\\$)$"})
    void aBeanValidationPatternIsAnchoredAsItIsMatched(String pattern, String expected) {
        assertEquals(expected, SchemaBoundsDocs.anchored(pattern));
    }

    /** Anchored, the generator's @NotBlank pattern refused every name longer than one character (live conformance). */
    @Test
    void theNotBlankPatternStaysASearch() {
        Schema name = bounded(OASFactory.createSchema().addType(SchemaType.STRING).pattern("\\S"));
        assertEquals("\\S", name.getPattern());
    }

    @Test
    void anIntWithoutARangeGetsItsTypesRange() {
        Schema count = bounded(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"));
        assertEquals(BigDecimal.valueOf(Integer.MIN_VALUE), count.getMinimum());
        assertEquals(BigDecimal.valueOf(Integer.MAX_VALUE), count.getMaximum());
    }

    @Test
    void aDeclaredBoundIsKeptAndTheOtherEndTakesTheTypes() {
        Schema size = bounded(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                .minimum(BigDecimal.ONE));
        assertEquals(BigDecimal.ONE, size.getMinimum());
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), size.getMaximum());
    }

    @Test
    void nestedPropertiesAndItemsAreBounded() {
        Schema item = OASFactory.createSchema().addType(SchemaType.INTEGER);
        bounded(OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("ids",
                OASFactory.createSchema().addType(SchemaType.ARRAY).items(item)));
        assertEquals("int64", item.getFormat());
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), item.getMaximum());
    }
}
