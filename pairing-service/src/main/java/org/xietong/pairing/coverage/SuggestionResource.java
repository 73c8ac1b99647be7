package org.xietong.pairing.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.security.Purpose;

import java.util.List;

@Path("/api/v1/pairing/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage")
public class SuggestionResource {

    private final SuggestionService service;

    public SuggestionResource(SuggestionService service) {
        this.service = service;
    }

    @GET

    @RolesAllowed(Purpose.Names.PAIRING_READ)
    @Operation(operationId = "suggestSupportingSchools", summary = "Suggest supporting schools",
            description = "Ranked urban schools that could support a township or rural school of your region, with reasons; never a school at its pairing capacity or one it already pairs with.")
    @APIResponse(responseCode = "200", description = "Candidates, best first", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Suggestions.Suggestion.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "The school is not a township or rural school, or is not registered")
    public List<Suggestions.Suggestion> suggest(
            @QueryParam("school") @NotNull @Pattern(regexp = "[0-9]{10}") String code,
            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(50) int limit) {
        return service.suggest(code, limit);
    }
}
