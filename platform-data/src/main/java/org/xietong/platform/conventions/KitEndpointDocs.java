package org.xietong.platform.conventions;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail and the exchange feed are the kit's, served by every service under its own area's path. Their
 * {@code @RolesAllowed} names the area's purpose by a property (xietong.access.audit-purpose,
 * xietong.access.exchange-purpose), which the generated API document does not resolve; this writes the resolved
 * purpose into their operations' security, as for every other operation, so that the gateway and integrators read
 * the purpose from the document. It also gives each an operationId carrying the area ({@code getPairingAuditTrail},
 * {@code listHealthcareExchangeEvents}), since one annotation cannot name three services' operations uniquely and
 * the gateway merges the three documents into one; the same for the push subscriptions' operations under
 * {@code /exchange/subscriptions}. {@link ErrorResponseDocs} runs it first.
 */
public class KitEndpointDocs implements OASFilter {

    private static final Pattern AREA = Pattern.compile("/api/v1/([a-z]+)/.*");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        untypedEventData(openAPI);
        if (openAPI.getPaths() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSecuritySchemes() == null
                || openAPI.getComponents().getSecuritySchemes().isEmpty()) {
            return;
        }
        String scheme = openAPI.getComponents().getSecuritySchemes().keySet().iterator().next();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.endsWith("/audit")) {
                secure(item.getGET(), scheme, purpose("xietong.access.audit-purpose"));
                identify(item.getGET(), "get", area(path), "AuditTrail");
            } else if (path.endsWith("/exchange/events")) {
                secure(item.getGET(), scheme, purpose("xietong.access.exchange-purpose"));
                identify(item.getGET(), "list", area(path), "ExchangeEvents");
            } else if (path.contains("/exchange/subscriptions")) {
                subscriptionOperations(path, item, scheme);
            }
        });
    }

    /** The push subscriptions' operations ({@code createPairingExchangeSubscription} …). */
    private static void subscriptionOperations(String path, PathItem item, String scheme) {
        Optional<String> purpose = purpose("xietong.access.exchange-purpose");
        String area = area(path);
        for (Operation operation : item.getOperations().values()) {
            secure(operation, scheme, purpose);
        }
        if (path.endsWith("/subscriptions")) {
            identify(item.getPOST(), "create", area, "ExchangeSubscription");
            identify(item.getGET(), "list", area, "ExchangeSubscriptions");
        } else if (path.endsWith("/secret")) {
            identify(item.getPOST(), "rotate", area, "ExchangeSubscriptionSecret");
        } else if (path.endsWith("/deliveries")) {
            identify(item.getGET(), "list", area, "ExchangeSubscriptionDeliveries");
        } else if (path.endsWith("/replay")) {
            identify(item.getPOST(), "replay", area, "ExchangeSubscription");
        } else {
            identify(item.getGET(), "get", area, "ExchangeSubscription");
            identify(item.getPUT(), "change", area, "ExchangeSubscription");
            identify(item.getDELETE(), "delete", area, "ExchangeSubscription");
        }
    }

    /**
     * A feed event's {@code data} is the event's JSON (an object for every type today), held as raw JSON text and
     * written into the event unquoted; the generator would call it a string. Any JSON value is what it is.
     */
    private static void untypedEventData(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema event = openAPI.getComponents().getSchemas().get("CloudEvent");
        if (event != null && event.getProperties() != null && event.getProperties().containsKey("data")) {
            event.addProperty("data", OASFactory.createSchema().description("The event's data, the JSON value its "
                    + "type's schema describes (listed in the AsyncAPI document)"));
        }
    }

    /** The area of a path, capitalised ("/api/v1/pairing/audit" gives "Pairing"), or "" outside /api/v1. */
    static String area(String path) {
        Matcher matcher = AREA.matcher(path);
        if (!matcher.matches()) {
            return "";
        }
        String area = matcher.group(1);
        return Character.toUpperCase(area.charAt(0)) + area.substring(1);
    }

    private static void identify(Operation operation, String verb, String area, String noun) {
        if (operation != null) {
            operation.setOperationId(verb + area + noun);
        }
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
