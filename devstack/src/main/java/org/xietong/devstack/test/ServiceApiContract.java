package org.xietong.devstack.test;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each service's own document must be before the gateway merges it (a service's {@code ApiContractTest}
 * extends this): every operation named, summarised, described and typed; no validator method published as a
 * property; no component named like the loser of a name clash; every enum-valued parameter listing its values. The
 * kit's audit-trail and exchange-feed operations are checked on the merged document by the system tests.
 */
public abstract class ServiceApiContract {

    /** An enum-valued parameter of a GET operation and the enum whose values it must list. */
    public record EnumParameter(String path, String name, Class<? extends Enum<?>> type) {
    }

    /** The service's document as it serves it (JSON), from the service under test. */
    protected String document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    /** The names the service's request records' @AssertTrue methods would publish as properties. */
    protected abstract Set<String> validatorNames();

    protected abstract List<EnumParameter> enumParameters();

    @Test
    void everyOperationHasAnOperationIdASummaryAndATyped2xx() {
        List<String> gaps = ApiDocument.contractGaps(document()).stream()
                .filter(gap -> !gap.contains("/audit") && !gap.contains("/exchange/"))
                .toList();
        assertTrue(gaps.isEmpty(), "contract gaps:\n" + String.join("\n", gaps));
    }

    @Test
    void everyOperationDeclaresA2xxAndADescription() {
        List<String> without = ApiDocument.operationsWithoutA2xxOrDescription(document());
        assertTrue(without.isEmpty(), "operations without a success response or a description: " + without);
    }

    @Test
    void noSchemaPublishesAValidatorMethodAsAProperty() {
        List<String> found = ApiDocument.propertiesNamed(document(), validatorNames());
        assertTrue(found.isEmpty(), "validator pseudo-properties: " + found);
    }

    @Test
    void noComponentIsNamedWithANumericSuffix() {
        List<String> suffixed = ApiDocument.componentsWithANumericSuffix(document());
        assertTrue(suffixed.isEmpty(), "components a generator would name after a clash: " + suffixed);
    }

    @TestFactory
    Stream<DynamicTest> everyEnumParameterListsItsValues() {
        String document = document();
        return enumParameters().stream().map(parameter -> DynamicTest.dynamicTest(
                parameter.path() + " " + parameter.name(), () -> assertEquals(
                        Arrays.stream(parameter.type().getEnumConstants()).map(Enum::name).toList(),
                        ApiDocument.parameterEnum(document, parameter.path(), parameter.name()))));
    }
}
