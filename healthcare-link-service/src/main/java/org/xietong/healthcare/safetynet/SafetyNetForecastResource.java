package org.xietong.healthcare.safetynet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xietong.platform.security.Purpose;

/**
 * Forecasts of the local safety-net cover (兜底: what a home region pays so a patient's copay stays fixed). The URL,
 * tag and JSON keep the older word "fallback"; it is not a resilience fallback.
 */
@Path("/api/v1/healthcare/fallback/forecast")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fallback", description = "Local fallback (兜底) budget forecasts")
public class SafetyNetForecastResource {

    private final SafetyNetForecastService forecasts;

    public SafetyNetForecastResource(SafetyNetForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @POST

    @RolesAllowed(Purpose.Names.HEALTHCARE_RULES)
    @Operation(operationId = "forecastFallback", summary = "Forecast a cohort's fallback budget",
            description = "A year of a cohort settled by the stored policy and catalog prices: each fund's share, the "
            + "fallback cost and the patients' copays")
    @APIResponse(responseCode = "200", description = "The cohort's year: each fund's share, the fallback cost and the copays",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SafetyNetForecaster.Forecast.class)))
    @APIResponse(responseCode = "422", description = "An institution is not registered, or an item has no unit price in the catalog")
    public SafetyNetForecaster.Forecast forecast(@Valid @NotNull ForecastRequest request) {
        return forecasts.forecast(request);
    }
}
