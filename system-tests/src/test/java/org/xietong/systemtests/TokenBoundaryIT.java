package org.xietong.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.TokenClient;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The suite's boundary with real Keycloak tokens: one issuer whichever host name fetched the token, only tokens
 * minted for the API, concurrent logins of one user, and services reachable on loopback alone (issue 17, items 2, 3,
 * 8, 9).
 */
@ExtendWith(SharedStack.class)
@Order(11)
class TokenBoundaryIT {

    private static String issuer(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .getString("iss");
    }

    @Test
    void aTokenFetchedFrom127001CarriesTheOneIssuerAndIsAccepted(SharedStack.Suite suite) throws IOException {
        String viaIp = new TokenClient("http://127.0.0.1:" + suite.config().keycloakPort() + "/realms/xietong")
                .passwordGrant("edu-chaoyang", "edu-chaoyang");

        assertEquals(suite.stack().keycloak().issuer(), issuer(viaIp));
        given().auth().oauth2(viaIp).get(suite.gateway() + "/api/v1/pairing/schools").then().statusCode(200);
    }

    @Test
    void anotherClientsTokenIsA401NamingTheAudienceAtTheGatewayAndAtAService(SharedStack.Suite suite) {
        String adminCli = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(suite.stack().keycloak().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");

        for (String url : List.of(suite.gateway(), suite.config().url(SuiteService.PAIRING))) {
            given().auth().oauth2(adminCli).get(url + "/api/v1/pairing/schools")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("reason", equalTo("audience"))
                    .body("detail", containsString("xietong-api"));
        }
    }

    @Test
    void concurrentLoginsOfOneUserAllGetTokens(SharedStack.Suite suite) {
        String tokenUrl = suite.stack().keycloak().issuer() + "/protocol/openid-connect/token";
        List<CompletableFuture<Integer>> logins = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().contentType(ContentType.URLENC)
                        .formParams(Map.of("grant_type", "password", "client_id", TokenClient.CLI_CLIENT,
                                "username", "edu-miyun", "password", "edu-miyun"))
                        .post(tokenUrl).statusCode()))
                .toList();

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), logins.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void theServicesAnswerOnLoopbackAloneAndTheGatewayOnEveryInterface(SharedStack.Suite suite) throws IOException {
        Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                .filter(nic -> !isLoopback(nic))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this host has no address besides loopback");

        connect(outside.get(), suite.config().port(SuiteService.GATEWAY)).close();
        for (SuiteService service : List.of(SuiteService.PAIRING, SuiteService.ROTATION, SuiteService.HEALTHCARE)) {
            assertThrows(IOException.class, () -> connect(outside.get(), suite.config().port(service)),
                    service.module() + " must not answer on " + outside.get());
        }
        assertThrows(IOException.class, () -> connect(outside.get(), suite.config().postgresPort()), "PostgreSQL");
        assertThrows(IOException.class, () -> connect(outside.get(), suite.config().kafkaPort()), "Kafka");
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (IOException e) {
            return true;
        }
    }

    private static Socket connect(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 2_000);
        return socket;
    }
}
