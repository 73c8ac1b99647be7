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
    @Operation(summary = "Ranked urban schools that could support a township or rural school, with reasons; "
            + "never a school at its pairing capacity or one it already pairs with")
    public List<Suggestions.Suggestion> suggest(
            @QueryParam("school") @NotNull @Pattern(regexp = "[0-9]{10}") String code,
            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(50) int limit) {
        return service.suggest(code, limit);
    }
}
