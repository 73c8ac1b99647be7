package org.xietong.devstack;

import org.junit.jupiter.api.Test;
import org.xietong.devstack.keycloak.KeycloakLauncher;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeycloakLauncherTest {

    private final List<String> command = KeycloakLauncher.command(Path.of("/kc/bin/kc.sh"), 8480, 8490);

    @Test
    void keycloakRunsWithAFixedHostnameSoTokensFromAnyLocalHostNameCarryOneIssuer() {
        assertTrue(command.contains("--hostname=http://localhost:8480"), command.toString());
        assertEquals("http://localhost:8480", KeycloakLauncher.baseUrl(8480));
    }

    @Test
    void bruteForceProtectionAllowsConcurrentValidLoginsOfOneUser() {
        assertTrue(command.contains("--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true"),
                command.toString());
    }
}
