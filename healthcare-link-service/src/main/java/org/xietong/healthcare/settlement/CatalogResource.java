package org.xietong.healthcare.settlement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.platform.csv.ImportMode;
import org.xietong.platform.csv.ImportReport;
import org.xietong.platform.csv.RowChecks;
import org.xietong.platform.security.Purpose;

import java.time.LocalDate;
import java.util.List;


@Path("/api/v1/healthcare/catalogs/{regionCode}/items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogs", description = "Treatment regions' catalogs (就医地目录): class A, B (with first self-pay ratio), C")
public class CatalogResource {

    private final CatalogService catalogs;
    private final CatalogImport imports;

    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    public CatalogResource(CatalogService catalogs, CatalogImport imports) {
        this.catalogs = catalogs;
        this.imports = imports;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)

    @RolesAllowed(Purpose.Names.HEALTHCARE_RULES)
    @Operation(operationId = "upsertCatalogItems", summary = "Add or change catalog items",
            description = "Add or change items of your region's catalog, each as a version beginning on validFrom: by "
            + "default today, or since ever for an item the region never had. A version that has begun is history: "
            + "a change (a price, a class) begins today or later (422 retroactive-rule otherwise), and a version "
            + "beginning on the same day is replaced. Items not named stay as they are")
    @APIResponse(responseCode = "200", description = "How many items were added or changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Upserted.class)))
    @APIResponse(responseCode = "422", description = "A version would begin before today (retroactive-rule)")
    public Upserted upsert(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode, @Valid @NotNull CatalogUpload upload) {
        return new Upserted(regionCode, catalogs.upsert(regionCode, upload));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Purpose.Names.HEALTHCARE_RULES)
    @Operation(operationId = "importCatalogItems", summary = "Import catalog items from CSV",
            description = "CSV in UTF-8 (BOM optional) with the header code,name,itemClass[,selfPayPercent,unitPrice]; "
            + "the good rows are added or changed like an upload, each item a version beginning on validFrom (by "
            + "default today, or since ever for an item the region never had; 422 retroactive-rule for a day in the "
            + "past once bills were recorded). mode=ALL_OR_NOTHING (default) stores nothing if a row is rejected and "
            + "answers 422 with the report; PER_ROW stores the good rows. The report lists every rejected line with "
            + "its reason.")
    @APIResponse(responseCode = "200", description = "What was imported and what was refused, by row",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "A row was rejected in ALL_OR_NOTHING mode (the problem's report extension lists the rows), or a version would begin before today (retroactive-rule); nothing was stored")
    public Response importCsv(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
                              @Parameter(description = "Case-insensitive; per-row is read as PER_ROW",
                                      schema = @Schema(implementation = ImportMode.class)) @QueryParam("mode") @DefaultValue("ALL_OR_NOTHING") String mode,
                              @Parameter(description = "The first day the imported items' versions are in force") @QueryParam("validFrom") LocalDate validFrom,
                              String csv) {
        return RowChecks.response(imports.run(regionCode, csv == null ? "" : csv, ImportMode.of(mode), validFrom));
    }

    /** What an upload changed: the region's catalog and how many items were added or changed. */
    @Schema(name = "CatalogUpsertResult")
    public record Upserted(String regionCode, int upserted) {
    }

    @GET

    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{code}")
    @Operation(operationId = "getCatalogItem", summary = "Get a catalog item",
            description = "The item in force for a treatment region on a day (default today): its own version, else "
            + "its city's or province's. Catalogs are public to every caller, as home regions settle by them")
    public CatalogItem get(@PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
                           @PathParam("code") @Pattern(regexp = ItemCodes.PATTERN, message = ItemCodes.MESSAGE) String code,
                           @Parameter(description = "The day the item is in force (default today)") @QueryParam("on") LocalDate on) {
        return catalogs.require(regionCode, code, on == null ? LocalDate.now(SettlementService.CHINA) : on);
    }

    @GET
    @RolesAllowed(Purpose.Names.HEALTHCARE_READ)
    @Path("{code}/history")
    @Operation(operationId = "listCatalogItemVersions", summary = "List a catalog item's versions",
            description = "Every version of the item the region settles by: its own first, then its city's and "
            + "province's, each oldest first with the days it is in force (a price change is a new version)")
    public List<CatalogItemVersion> history(
            @PathParam("regionCode") @Pattern(regexp = REGION, message = REGION_MESSAGE) String regionCode,
            @PathParam("code") @Pattern(regexp = ItemCodes.PATTERN, message = ItemCodes.MESSAGE) String code) {
        return catalogs.history(regionCode, code);
    }
}
