package org.xietong.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppPropertiesTest {

    private final StackConfig plain = new StackConfig(Path.of("/suite"), Path.of("/suite/.xietong"), 0, true);

    @Test
    void aPlainConfigurationPassesNothingExtra() {
        for (SuiteService service : SuiteService.values()) {
            assertEquals(Map.of(), plain.appProperties(service));
            assertEquals(Map.of(), plain.appEnvironment(service));
        }
    }

    @Test
    void theServicesListenOnLoopbackAloneAndOnlyTheGatewayFacesCallers() {
        for (SuiteService service : SuiteService.values()) {
            if (service == SuiteService.GATEWAY) {
                assertEquals(Map.of(), StackConfig.bindEnvironment(service), "the gateway keeps Quarkus' default host");
            } else {
                assertEquals(Map.of("QUARKUS_HTTP_HOST", "127.0.0.1"), StackConfig.bindEnvironment(service), service.module());
            }
        }
    }

    @Test
    void propertiesGoToTheirApplicationAloneAndAddUp() {
        StackConfig config = plain
                .withAppProperties(SuiteService.GATEWAY, Map.of("xietong.gateway.limits.read.user-requests", "100"))
                .withAppProperties(SuiteService.GATEWAY, Map.of("xietong.gateway.limits.read.user-requests", "1000",
                        "xietong.gateway.limits.read.client-requests", "2000"));

        assertEquals(Map.of("xietong.gateway.limits.read.user-requests", "1000",
                "xietong.gateway.limits.read.client-requests", "2000"), config.appProperties(SuiteService.GATEWAY));
        assertEquals(Map.of(), config.appProperties(SuiteService.PAIRING));
        assertEquals(Map.of(), plain.appProperties(SuiteService.GATEWAY), "the original is unchanged");
        assertEquals(plain.portOffset(), config.portOffset());
        assertEquals(plain.home(), config.home());
    }

    @Test
    void theyTravelAsTheEnvironmentVariablesQuarkusReads() {
        StackConfig config = plain.withAppProperties(SuiteService.GATEWAY,
                Map.of("xietong.gateway.limits.read.user-requests", "100000000", "quarkus.log.level", "WARN"));

        assertEquals(Map.of("XIETONG_GATEWAY_LIMITS_READ_USER_REQUESTS", "100000000", "QUARKUS_LOG_LEVEL", "WARN"),
                config.appEnvironment(SuiteService.GATEWAY));
        assertEquals(Map.of(), config.appEnvironment(SuiteService.ROTATION));
        assertThrows(IllegalArgumentException.class, () -> StackConfig.environmentName(" "));
    }
}
