package org.xietong.platform.conventions;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail and the exchange feed are the kit's, so their {@code @RolesAllowed} names the area's purpose by a
 * property (xietong.access.audit-purpose, xietong.access.exchange-purpose), which the generated API document does
 * not resolve; this writes the resolved purpose into their operations' security, as for every other operation, so
 * that the gateway and integrators read the purpose from the document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class KitEndpointPurposes implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSecuritySchemes() == null
                || openAPI.getComponents().getSecuritySchemes().isEmpty()) {
            return;
        }
        String scheme = openAPI.getComponents().getSecuritySchemes().keySet().iterator().next();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.endsWith("/audit")) {
                secure(item.getGET(), scheme, purpose("xietong.access.audit-purpose"));
            } else if (path.endsWith("/exchange/events")) {
                secure(item.getGET(), scheme, purpose("xietong.access.exchange-purpose"));
            }
        });
    }

    private static Optional<String> purpose(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    }

    private static void secure(Operation operation, String scheme, Optional<String> purpose) {
        if (operation != null && purpose.isPresent()) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(scheme, purpose.get())));
        }
    }
}
