package org.xietong.devstack.keycloak;

import org.xietong.devstack.process.ChildProcess;

import java.time.Duration;

public final class RunningKeycloak implements AutoCloseable {

    private final ChildProcess process;
    private final String baseUrl;

    RunningKeycloak(ChildProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The realm's issuer URL, which is also the OIDC auth-server-url of the services. */
    public String issuer() {
        return baseUrl + "/realms/" + KeycloakLauncher.REALM;
    }

    public ChildProcess process() {
        return process;
    }

    /** SIGTERM to kc.sh, which forwards it to its server JVM and waits for it. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
