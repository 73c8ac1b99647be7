package org.xietong.systemtests.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares the soak through the API, as the officers who own the data would: the base schools and one pairing of
 * them (rotation-service learns both from pairing-service's events, and is waited for), the hospital, the treatment
 * region's catalog and the home region's settlement policy. Catalog and policy are the demo's Shanxi ones
 * (deploy/demo/healthcare-settlement.json), set for the soak's own regions.
 */
public final class SoakSetup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestKind SETUP_WRITE = RequestKind.of("setup: write", 200, 201);
    private static final RequestKind SETUP_READ = RequestKind.of("setup: read", 200);

    private final SoakClient client;
    private final Path demoDirectory;

    public SoakSetup(SoakClient client, Path demoDirectory) {
        this.client = client;
        this.demoDirectory = demoDirectory;
    }

    public SoakData prepare() throws IOException, InterruptedException {
        SoakData data = new SoakData();
        List<String> schools = data.baseSchools();
        for (int i = 0; i < schools.size(); i++) {
            write(PairingOfficer.OFFICER, "/api/v1/pairing/schools",
                    PairingOfficer.school(schools.get(i), i < 2 ? "URBAN" : "RURAL", i));
        }
        String pairing = write(PairingOfficer.OFFICER, "/api/v1/pairing/pairings",
                PairingOfficer.handInHand(data.urbanBase.get(0), data.ruralBase.get(0))).path("id").asText();
        write(PairingOfficer.OFFICER, "/api/v1/pairing/pairings/" + pairing + "/approvals", Map.of("side", "SUPPORTING"));
        write(PairingOfficer.CITY_OFFICER, "/api/v1/pairing/pairings/" + pairing + "/approvals", Map.of("side", "SUPPORTED"));

        write("health-dezhou", "/api/v1/healthcare/institutions", Map.of("code", SoakData.INSTITUTION,
                "name", "乐陵市协同测试医院", "regionCode", SoakData.TREATMENT_REGION, "level", "TWO_A", "type", "GENERAL",
                "latitude", 37.73, "longitude", 117.23));
        JsonNode demo = JSON.readTree(demoDirectory.resolve("healthcare-settlement.json").toFile());
        put("health-dezhou", "/api/v1/healthcare/catalogs/" + SoakData.CATALOG_REGION + "/items",
                demoBody(demo, "/api/v1/healthcare/catalogs/140000/items"));
        put(Insurer.INSURER, "/api/v1/healthcare/settlement-policies/" + SoakData.HOME_REGION,
                demoBody(demo, "/api/v1/healthcare/settlement-policies/140000"));
        // The home insurer's 备案: a third of its people live in Dezhou, a third are referred there for a few
        // months, the rest go unfiled (TEMPORARY); the bills leave the kind to these filings.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (int p = 0; p < Insurer.PEOPLE; p++) {
            if (p % 3 == 2) {
                continue;
            }
            Map<String, Object> filing = new HashMap<>(Map.of("personId", Insurer.person(p),
                    "homeRegion", SoakData.HOME_REGION, "destinationRegion", "371400",
                    "kind", p % 3 == 0 ? "LONG_TERM_RESIDENCE" : "REFERRAL", "validFrom", today.minusDays(60).toString()));
            if (p % 3 == 1) {
                filing.put("validTo", today.plusDays(60).toString());
            }
            write(Insurer.INSURER, "/api/v1/healthcare/filings", filing);
        }

        awaitRotationKnows(schools, Duration.ofSeconds(90));
        return data;
    }

    private static JsonNode demoBody(JsonNode demo, String path) {
        for (JsonNode step : demo.path("steps")) {
            if (step.path("path").asText().equals(path)) {
                return step.path("body");
            }
        }
        throw new IllegalStateException("no step " + path + " in the demo's settlement data");
    }

    private JsonNode write(String user, String path, Object body) {
        return checked(client.post(SETUP_WRITE, user, path, body), "POST " + path + " as " + user);
    }

    private void put(String user, String path, Object body) {
        checked(client.put(SETUP_WRITE, user, path, body), "PUT " + path + " as " + user);
    }

    private static JsonNode checked(SoakClient.Answer answer, String request) {
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("setting up the soak: " + request + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    /** rotation-service learns schools and their links from pairing-service's events. */
    private void awaitRotationKnows(List<String> schools, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Set<String> missing = new HashSet<>(schools);
        while (System.nanoTime() < deadline) {
            for (int page = 0; !missing.isEmpty(); page++) {
                JsonNode found = checked(client.get(SETUP_READ, PairingOfficer.OFFICER,
                        "/api/v1/rotation/schools?size=200&page=" + page), "GET /api/v1/rotation/schools");
                found.path("items").forEach(s -> missing.remove(s.path("code").asText()));
                if (found.path("items").size() < 200) {
                    break;
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("rotation-service has not learnt the soak's schools " + missing);
    }
}
