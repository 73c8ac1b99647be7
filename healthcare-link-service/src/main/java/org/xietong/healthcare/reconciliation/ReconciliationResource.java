package org.xietong.healthcare.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.healthcare.settlement.SettlementAccess;
import org.xietong.platform.csv.CsvExport;
import org.xietong.platform.security.Caller;
import org.xietong.platform.security.Purpose;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Path("/api/v1/healthcare")
@Tag(name = "Reconciliation", description = "清算: monthly totals per home × treatment region and fund, and the "
        + "safety-net cover actually paid")
public class ReconciliationResource {

    static final String MONTH = "20[0-9]{2}-(0[1-9]|1[0-2])";
    private static final String REGION = "[1-9][0-9]{5}";
    private static final String REGION_MESSAGE = "must be a 6-digit GB/T 2260 code";

    private final ReconciliationService reconciliation;
    private final Caller caller;

    public ReconciliationResource(ReconciliationService reconciliation, Caller caller) {
        this.reconciliation = reconciliation;
        this.caller = caller;
    }

    @GET
    @Path("reconciliation/{month}")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed(Purpose.Names.HEALTHCARE_SETTLE)
    @Operation(operationId = "getMonthlyReconciliation", summary = "Get a month's reconciliation",
            description = "清算 for a calendar month (China time): per home region × treatment region, the settlements "
            + "recorded in the month less those reversed in it, fund by fund (basic fund, serious-illness insurance, "
            + "medical assistance, safety-net cover) and the patients' part, with their sum; each figure is the sum "
            + "of the recorded settlements to the fen. Narrow it by home region, treatment region (a province or city "
            + "code covers its districts) or institution; you see the pairs your region is home or treatment side of. "
            + "Ask for text/csv (Accept) to get it as a spreadsheet: UTF-8 with a byte-order mark, the pairs, then "
            + "the TOTAL row")
    @APIResponse(responseCode = "200", description = "The month's totals", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationService.Month.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response month(
            @PathParam("month") @Pattern(regexp = MONTH, message = "must be a month as YYYY-MM") String month,
            @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("homeRegion") String homeRegion,
            @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("treatmentRegion") String treatmentRegion,
            @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") @QueryParam("institutionCode") String institutionCode,
            @Context HttpHeaders headers) {
        ReconciliationService.Month report = reconciliation.month(new ReconciliationService.Filter(YearMonth.parse(month),
                homeRegion, treatmentRegion, institutionCode, null), SettlementAccess.of(caller));
        if (!CsvExport.preferredBy(headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        CsvExport csv = CsvExport.withHeader(List.of("month", "homeRegion", "treatmentRegion", "settled", "reversed",
                "total", "basicFund", "seriousIllness", "medicalAssistance", "safetyNetCover", "patientPays"));
        List<FundTotals> rows = new ArrayList<>(report.rows());
        rows.add(report.totals());
        for (FundTotals row : rows) {
            csv.row(Arrays.asList(report.month(), row.homeRegion() == null ? "TOTAL" : row.homeRegion(),
                    row.treatmentRegion(), row.settled(), row.reversed(), row.total(), row.basicFund(),
                    row.seriousIllness(), row.medicalAssistance(), row.fallback(), row.patientPays()));
        }
        return csv.response("reconciliation-" + report.month() + ".csv");
    }

    @GET
    @Path("fallback/spend")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Purpose.Names.HEALTHCARE_RULES)
    @Operation(operationId = "getSafetyNetSpend", summary = "Get the safety-net cover actually paid",
            description = "A home region's local safety-net cover (兜底) paid month by month in a year, net of "
            + "reversals, from the recorded settlements: the figure to set beside the forecast")
    public ReconciliationService.Spend spend(
            @Parameter(required = true) @NotNull @Pattern(regexp = REGION, message = REGION_MESSAGE) @QueryParam("homeRegion") String homeRegion,
            @Parameter(required = true) @NotNull @Min(2000) @Max(2100) @QueryParam("year") Integer year) {
        return reconciliation.spend(homeRegion, year, SettlementAccess.of(caller));
    }
}
