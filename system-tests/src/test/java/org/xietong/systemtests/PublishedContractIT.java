package org.xietong.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.devstack.test.ApiDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one document integrators generate clients from (the gateway's {@code /openapi}, merged from the three
 * services), checked as an integrator would: every operation has a unique camelCase operationId and a summary and
 * every 2xx body a schema, so a generated client has a named, typed method for each; and Spectral with
 * {@code spectral:oas} and the OWASP API ruleset (pinned in src/test/contract-tools, rules switched off there with
 * a reason) finds nothing; and the clients module generated its clients from this very document, the TypeScript one
 * compiling under {@code tsc --strict}. The document and Spectral's findings are kept in target/contract.
 */
@ExtendWith(SharedStack.class)
@Order(12)
class PublishedContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TOOLS = Path.of("src/test/contract-tools");
    private static final Path OUT = Path.of("target/contract");
    private static final Path CLIENTS = Path.of("../clients/target");
    private static final Path BUILT = CLIENTS.resolve("openapi/xietong-api.json");
    private static String document;

    @BeforeAll
    static void fetchTheMergedDocument(SharedStack.Suite suite) throws IOException {
        document = given().get(suite.gateway() + "/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("openapi.json"), document, StandardCharsets.UTF_8);
    }

    @Test
    void theMergedDocumentNamesAndTypesEveryOperation() {
        List<String> gaps = ApiDocument.contractGaps(document);

        System.out.printf("PublishedContractIT: %d operations in the merged document, %d contract gaps, %d untyped 2xx%n",
                ApiDocument.operationCount(document), gaps.size(),
                gaps.stream().filter(gap -> gap.endsWith("has no schema")).count());
        assertEquals(List.of(), gaps, "what a client generator would trip over");
    }

    @Test
    void theClientsAreGeneratedFromTheDocumentTheGatewayServes() throws IOException {
        JsonNode built = JSON.readTree(BUILT.toFile());
        JsonNode served = JSON.readTree(document);
        for (String part : List.of("/paths", "/components/schemas", "/tags")) {
            assertEquals(built.at(part), served.at(part), part + " of the document the clients were generated from ("
                    + BUILT + ") differs from the gateway's /openapi");
        }
    }

    @Test
    void spectralWithTheOasAndOwaspRulesetsFindsNothing() throws Exception {
        Path spectral = tool("spectral");
        run(List.of(spectral.toString(), "lint", "--quiet", "--format", "json", "--output", "spectral.json",
                "--fail-severity", "error", "--ruleset", ".spectral.yaml", "openapi.json"), 300);
        JsonNode findings = JSON.readTree(OUT.resolve("spectral.json").toFile());

        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(finding -> byRule.merge(finding.path("code").asText() + " ("
                + severity(finding.path("severity").asInt()) + ")", 1, Integer::sum));
        long oas = findings.findValuesAsText("code").stream().filter(code -> !code.startsWith("owasp:")).count();
        long owaspErrors = 0;
        for (JsonNode finding : findings) {
            owaspErrors += finding.path("code").asText().startsWith("owasp:") && finding.path("severity").asInt() == 0
                    ? 1 : 0;
        }
        System.out.printf("PublishedContractIT: Spectral found %d (spectral:oas %d, OWASP errors %d) %s%n",
                findings.size(), oas, owaspErrors, byRule);
        List<String> places = new ArrayList<>();
        for (JsonNode finding : findings) {
            List<String> path = new ArrayList<>();
            finding.path("path").forEach(segment -> path.add(segment.asText()));
            places.add(finding.path("code").asText() + " " + String.join(".", path));
        }
        assertEquals(List.of(), places, "Spectral's findings by rule " + byRule + " (each in "
                + OUT.resolve("spectral.json").toAbsolutePath() + ")");
    }

    @Test
    void theGeneratedTypeScriptClientCompilesStrictly() throws Exception {
        Path client = CLIENTS.resolve("generated-sources/typescript-client").toAbsolutePath();
        assertTrue(Files.isRegularFile(client.resolve("index.ts")), "no TypeScript client generated at " + client);
        run(List.of(tool("tsc").toString(), "--noEmit", "--strict", "--target", "es2020", "--lib", "es2020,dom",
                "--module", "es2020", "--moduleResolution", "node", client.resolve("index.ts").toString()), 300);
    }

    /** One of the pinned tools (src/test/contract-tools), installed into target/contract once. */
    private static synchronized Path tool(String name) throws IOException, InterruptedException {
        for (String file : List.of("package.json", "package-lock.json", ".spectral.yaml")) {
            Files.copy(TOOLS.resolve(file), OUT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path tool = OUT.resolve("node_modules/.bin/" + name).toAbsolutePath();
        if (!Files.isExecutable(tool)) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 600);
        }
        return tool;
    }

    private static String severity(int level) {
        return switch (level) {
            case 0 -> "error";
            case 1 -> "warning";
            case 2 -> "info";
            default -> "hint";
        };
    }

    /** Runs a tool in target/contract; its output goes to a log there, and a failure to start or finish fails. */
    private static void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = OUT.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process process = new ProcessBuilder(command).directory(OUT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        // Spectral exits 1 when it finds errors: the findings file says what, so only a missing file is a failure.
        if (process.exitValue() != 0 && !command.get(0).endsWith("spectral")) {
            throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }
}
