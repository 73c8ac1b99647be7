package org.xietong.healthcare.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.platform.security.Purpose;


@Path("/api/v1/healthcare/catalogs/{regionCode}/items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogs", description = "Treatment regions' catalogs (就医地目录): class A, B (with first self-pay ratio), C")
public class CatalogResource {

    private final CatalogService catalogs;

    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    public CatalogResource(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_RULES)
    @Operation(operationId = "upsertCatalogItems", summary = "Add or change catalog items",
            description = "Add or change items of your region's catalog; items not named stay as they are")
    public Upserted upsert(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode, @Valid @NotNull CatalogUpload upload) {
        return new Upserted(regionCode, catalogs.upsert(regionCode, upload));
    }

    /** What an upload changed: the region's catalog and how many items were added or changed. */
    @Schema(name = "CatalogUpsertResult")
    public record Upserted(String regionCode, int upserted) {
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{code}")
    @Operation(operationId = "getCatalogItem", summary = "Get a catalog item",
            description = "The item in force for a treatment region: its own, else its city's or province's. "
            + "Catalogs are public to every caller, as home regions settle by them")
    public CatalogItem get(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
                           @PathParam("code") @Pattern(regexp = ItemCodes.PATTERN, message = ItemCodes.MESSAGE) String code) {
        return catalogs.require(regionCode, code);
    }
}
