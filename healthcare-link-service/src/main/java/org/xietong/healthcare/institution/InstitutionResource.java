package org.xietong.healthcare.institution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.api.Page;
import org.xietong.platform.api.Pages;
import org.xietong.platform.security.Caller;

@Path("/api/v1/healthcare/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions", description = "Medical institutions (医疗机构)")
public class InstitutionResource {

    public record InstitutionView(String code, String name, String regionCode) {
    }

    private final InstitutionRepository institutions;
    private final Caller caller;

    public InstitutionResource(InstitutionRepository institutions, Caller caller) {
        this.institutions = institutions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Institutions in your region")
    public Page<InstitutionView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return Pages.of(institutions.inRegion(caller.listingPrefix()), page, size,
                i -> new InstitutionView(i.code, i.name, i.regionCode));
    }
}
