package org.xietong.gateway.docs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The gateway's one API document, merged from the services' own (xietong.gateway.docs.*). */
@ConfigMapping(prefix = "xietong.gateway.docs")
public interface DocsConfig {

    /** How long a complete merged document is served before the services are asked again. */
    @WithDefault("30s")
    Duration cacheFor();

    /** Connect and answer timeout per service; a slower service is listed as unavailable. */
    @WithDefault("3s")
    Duration fetchTimeout();

    /** Where each service serves its own document, relative to its URL. */
    @WithDefault("/q/openapi?format=json")
    String servicePath();

    /**
     * The realm URL a browser reaches for login. Unset: quarkus.oidc.token.issuer when that is a URL (in Docker
     * Compose the gateway reaches Keycloak by another name than browsers do), else quarkus.oidc.auth-server-url.
     */
    Optional<String> realmUrl();
}
