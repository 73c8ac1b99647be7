package org.xietong.rotation.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xietong.devstack.test.ApiDocument;
import org.xietong.rotation.assignment.AssignmentStatus;
import org.xietong.rotation.policy.Eligibility;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.post.PostStatus;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeacherStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApiContractTest {

    /** The names the request records' @AssertTrue methods would publish as properties without @JsonIgnore. */
    private static final Set<String> VALIDATOR_NAMES = Set.of("endDateAfterStart", "termGiven", "termLength",
            "teamLargeEnough", "kindManual", "subjectsDistinct", "birthDatePlausible", "joinedSchoolOnPlausible",
            "residentIdValid");

    @Test
    void everyRotationOperationHasAnOperationIdASummaryAndATyped2xx() {
        // The kit's audit-trail and exchange-feed resources are checked by the merged document's test.
        List<String> gaps = ApiDocument.contractGaps(document()).stream()
                .filter(gap -> !gap.contains("/audit") && !gap.contains("/exchange/"))
                .toList();
        assertTrue(gaps.isEmpty(), "contract gaps:\n" + String.join("\n", gaps));
    }

    @Test
    void everyRotationOperationDeclaresA2xxAndADescription() {
        List<String> without = ApiDocument.operationsWithoutA2xxOrDescription(document());
        assertTrue(without.isEmpty(), "operations without a success response or a description: " + without);
    }

    @Test
    void noSchemaPublishesAValidatorMethodAsAProperty() {
        List<String> found = ApiDocument.propertiesNamed(document(), VALIDATOR_NAMES);
        assertTrue(found.isEmpty(), "validator pseudo-properties: " + found);
    }

    @Test
    void noComponentIsNamedWithANumericSuffix() {
        List<String> suffixed = ApiDocument.componentsWithANumericSuffix(document());
        assertTrue(suffixed.isEmpty(), "components a generator would name after a clash: " + suffixed);
    }

    static Stream<Arguments> enumParameters() {
        return Stream.of(
                Arguments.of("/api/v1/rotation/posts", "status", PostStatus.class),
                Arguments.of("/api/v1/rotation/posts", "mode", PostMode.class),
                Arguments.of("/api/v1/rotation/assignments", "status", AssignmentStatus.class),
                Arguments.of("/api/v1/rotation/teachers", "subject", Subject.class),
                Arguments.of("/api/v1/rotation/teachers", "status", TeacherStatus.class),
                Arguments.of("/api/v1/rotation/eligibility", "status", Eligibility.Status.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enumParameters")
    void anEnumParameterListsItsValues(String path, String name, Class<? extends Enum<?>> type) {
        assertEquals(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
                ApiDocument.parameterEnum(document(), path, name));
    }

    private static String document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
    }
}
