package org.xietong.platform.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xietong.platform.problem.ProblemException;

import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookEndpointTest {

    private static final WebhookEndpoint.Allowance PRODUCTION = new WebhookEndpoint.Allowance(false, false);
    private static final WebhookEndpoint.Allowance DEVSTACK = new WebhookEndpoint.Allowance(true, false);

    @ParameterizedTest
    @ValueSource(strings = {"http://ybj.cq.gov.cn/hook", "ftp://ybj.cq.gov.cn/hook", "https://user:pw@ybj.cq.gov.cn/hook",
            "https://ybj.cq.gov.cn/hook#part", "/relative/hook", "not a url", "http://127.0.0.1:8080/hook"})
    void aMalformedOrPlainHttpEndpointIsRefusedInProduction(String endpoint) {
        assertThrows(ProblemException.class, () -> WebhookEndpoint.parse(endpoint, PRODUCTION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://10.2.3.4/hook", "https://192.168.1.1/hook",
            "https://172.16.0.9/hook", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
            "https://[::1]/hook", "https://[fd00::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook"})
    void anAddressInsideAPrivateNetworkIsRefused(String endpoint) {
        WebhookEndpoint parsed = WebhookEndpoint.parse(endpoint, PRODUCTION);
        assertThrows(UnknownHostException.class, () -> parsed.requireReachable(PRODUCTION));
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        WebhookEndpoint parsed = WebhookEndpoint.parse("https://203.0.113.10/hook", PRODUCTION);
        assertDoesNotThrow(() -> parsed.requireReachable(PRODUCTION));
    }

    @Test
    void theDevstackPostsToLoopbackOverPlainHttp() {
        WebhookEndpoint parsed = WebhookEndpoint.parse("http://127.0.0.1:18080/webhooks", DEVSTACK);
        assertDoesNotThrow(() -> parsed.requireReachable(DEVSTACK));
    }

    @Test
    void theDevstackStillRefusesPrivateNetworks() {
        WebhookEndpoint parsed = WebhookEndpoint.parse("https://10.2.3.4/hook", DEVSTACK);
        assertThrows(UnknownHostException.class, () -> parsed.requireReachable(DEVSTACK));
    }
}
