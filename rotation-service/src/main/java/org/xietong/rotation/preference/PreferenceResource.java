package org.xietong.rotation.preference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.platform.security.Purpose;

@Path("/api/v1/rotation/teachers/{id}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "A teacher's ranked posts, used by stable matching and as preference points")
public class PreferenceResource {

    /** Post ids, best first; at most ten, each once. */
    @Schema(name = "TeacherPostRanking")
    public record Ranking(@NotNull @Size(max = 10) List<@NotNull Long> postIds) {
    }

    private final PreferenceService preferences;

    public PreferenceResource(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @GET

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Operation(operationId = "getTeacherPreferences", summary = "Get a teacher's post preferences",
            description = "The teacher's ranked posts.")
    public Ranking get(@PathParam("id") long id) {
        return new Ranking(preferences.get(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.ROTATION_PEOPLE)
    @Operation(operationId = "replaceTeacherPreferences", summary = "Replace a teacher's post preferences",
            description = "Replace the teacher's ranking (the teacher or their school); posts must be dispatched.")
    @APIResponse(responseCode = "200", description = "The teacher's new ranking",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Ranking.class)))
    @APIResponse(responseCode = "422", description = "A post is listed twice or is not a dispatched post")
    public Ranking put(@PathParam("id") long id, @Valid @NotNull Ranking ranking) {
        return new Ranking(preferences.replace(id, ranking.postIds()));
    }
}
