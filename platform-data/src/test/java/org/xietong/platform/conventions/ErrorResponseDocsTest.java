package org.xietong.platform.conventions;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorResponseDocsTest {

    private static Parameter parameter(String name, Parameter.In in) {
        return OASFactory.createParameter().name(name).in(in);
    }

    private static List<String> statuses(Operation operation) {
        OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things/{id}", OASFactory.createPathItem().PUT(operation)));
        new ErrorResponseDocs().filterOpenAPI(api);
        return List.copyOf(operation.getResponses().getAPIResponses().keySet());
    }

    @Test
    void aSecuredVersionedChangeDeclaresEveryErrorTheSharedMachinerySends() {
        Operation change = OASFactory.createOperation()
                .addParameter(parameter("id", Parameter.In.PATH))
                .addParameter(parameter("If-Match", Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt", "pairing:write"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        assertEquals(List.of("200", "400", "401", "403", "404", "412", "413", "415", "428", "500", "503"),
                statuses(change));
    }

    @Test
    void aPublicReadWithoutParametersDeclaresOnlyFaultsAndTheDatabaseOutage() {
        Operation read = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        assertEquals(List.of("200", "500", "503"), statuses(read));
    }

    /** Live conformance: GET /activities?pairing= answered 404 for a pairing outside the caller's scope. */
    @Test
    void aReadNamingItsObjectByARequiredQueryParameterDeclaresTheMissingObject() {
        Operation read = OASFactory.createOperation()
                .addParameter(parameter("pairing", Parameter.In.QUERY).required(true))
                .addParameter(parameter("page", Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        assertEquals(List.of("200", "400", "404", "500", "503"), statuses(read));
    }

    @Test
    void anOptionalQueryParameterDoesNotDeclareTheMissingObject() {
        Operation list = OASFactory.createOperation()
                .addParameter(parameter("page", Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        assertEquals(List.of("200", "400", "500", "503"), statuses(list));
    }

    @Test
    void anIdempotentCreateDeclaresTheReusedKey() {
        Operation create = OASFactory.createOperation()
                .addParameter(parameter(Idempotency.HEADER, Parameter.In.HEADER))
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse()));
        assertTrue(statuses(create).contains("422"));
    }

    @Test
    void anOperationsOwnRefusalKeepsItsDescriptionAndGetsTheProblemBody() {
        Operation approve = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Not PROPOSED any more")));
        statuses(approve);
        var conflict = approve.getResponses().getAPIResponse("409");
        assertEquals("Not PROPOSED any more", conflict.getDescription());
        assertEquals("#/components/schemas/Problem",
                conflict.getContent().getMediaType("application/problem+json").getSchema().getRef());
    }

    @Test
    void aHeaderDeclaredByNameAloneIsTypedAsAString() {
        Operation create = OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("201",
                OASFactory.createAPIResponse().addHeader("Location", OASFactory.createHeader())
                        .addHeader("ETag", OASFactory.createHeader())));
        statuses(create);
        var headers = create.getResponses().getAPIResponse("201").getHeaders();
        assertEquals("uri-reference", headers.get("Location").getSchema().getFormat());
        assertEquals(256, headers.get("ETag").getSchema().getMaxLength());
    }

    @Test
    void theProblemSchemaRequiresTypeTitleAndStatusAndAllowsExtensionMembers() {
        var problem = ErrorResponseDocs.problemSchema();
        assertEquals(List.of("type", "title", "status"), problem.getRequired());
        assertEquals(Boolean.TRUE, problem.getAdditionalPropertiesBoolean());
    }
}
