package org.xietong.devstack;

import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPartnerTokensTest {

    @Test
    void aDemoPartnersTestTokenCarriesTheRolesRegionAndClientTheRealmGivesIt() {
        String token = TestTokens.demoPartner("partner-500000-health").sign();
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"healthcare:read\"") && claims.contains("\"partner-system\"")
                && claims.contains("\"region_code\":\"500000\"") && claims.contains("\"azp\":\"partner-500000-health\"")
                && !claims.contains("healthcare:settle"), claims);
    }
}
