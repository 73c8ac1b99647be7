package org.xietong.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xietong.client.ApiClient;
import org.xietong.client.ApiException;
import org.xietong.client.api.ChronicCertificationsApi;
import org.xietong.client.api.ExchangeApi;
import org.xietong.client.api.InstitutionsApi;
import org.xietong.client.api.MatchingApi;
import org.xietong.client.api.PairingsApi;
import org.xietong.client.api.SchoolsApi;
import org.xietong.client.api.SettlementsApi;
import org.xietong.client.api.TeachersApi;
import org.xietong.client.model.BillRequest;
import org.xietong.client.model.CertificationRequest;
import org.xietong.client.model.CertificationView;
import org.xietong.client.model.CloudEvent;
import org.xietong.client.model.CrossRegionKind;
import org.xietong.client.model.FeedPage;
import org.xietong.client.model.InsuredPart;
import org.xietong.client.model.LinePart;
import org.xietong.client.model.LocationType;
import org.xietong.client.model.PageTeacherView;
import org.xietong.client.model.PairingApproval;
import org.xietong.client.model.PairingKind;
import org.xietong.client.model.PairingSchoolView;
import org.xietong.client.model.PairingSide;
import org.xietong.client.model.PairingStatus;
import org.xietong.client.model.PairingView;
import org.xietong.client.model.Problem;
import org.xietong.client.model.ProposePairing;
import org.xietong.client.model.RegistrationStatus;
import org.xietong.client.model.RegisterSchool;
import org.xietong.client.model.RunRequest;
import org.xietong.client.model.RunView;
import org.xietong.client.model.Scheme;
import org.xietong.client.model.SchoolLevel;
import org.xietong.client.model.SettlementView;
import org.xietong.client.model.VisitKind;
import org.xietong.client.model.VisitPart;
import org.xietong.devstack.DemoData;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An integrator's day through the Java client the build generates from the merged document (module clients),
 * against the real suite through the gateway with real Keycloak tokens: register schools, propose and approve a
 * pairing, list teachers, run a dry matching, quote a settlement, follow the exchange feed. Every call returns a
 * generated, typed view; every expected refusal is caught and read as the generated {@link Problem}.
 */
@ExtendWith(SharedStack.class)
@Order(41)
class IntegratorDayIT {

    private static final String CHAOYANG = "110105";
    private static final String MIYUN = "110118";
    private final AtomicInteger typedCalls = new AtomicInteger();
    private final AtomicInteger problems = new AtomicInteger();

    @Test
    void anIntegratorsDayRunsThroughTheGeneratedJavaClient(SharedStack.Suite suite) throws Exception {
        ApiClient chaoyang = client(suite, "edu-chaoyang");
        ApiClient miyun = client(suite, "edu-miyun");
        ApiClient beijing = client(suite, "edu-beijing");
        ApiClient admin = client(suite, "admin");
        demoDataLoaded(suite, admin);

        // Two schools, one urban in Chaoyang and one township school in Miyun, each registered by its district.
        String suffix = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String urban = "1111059" + suffix;
        String township = "1111189" + suffix;
        PairingSchoolView registered = typed(new SchoolsApi(chaoyang).registerSchool(new RegisterSchool().code(urban)
                .name("朝阳区集成测试小学").regionCode(CHAOYANG).locationType(LocationType.URBAN)
                .level(SchoolLevel.PRIMARY), "integrator-" + urban, null));
        assertEquals("朝阳区集成测试小学", registered.getName());
        typed(new SchoolsApi(miyun).registerSchool(new RegisterSchool().code(township).name("密云区集成测试小学")
                .regionCode(MIYUN).locationType(LocationType.TOWNSHIP).level(SchoolLevel.PRIMARY), null, null));
        assertEquals(MIYUN, typed(new SchoolsApi(miyun).getSchool(township, null)).getRegionCode());
        Problem unknown = problem(miyun, () -> new SchoolsApi(miyun).getSchool("1111189999", null), 404);
        assertTrue(unknown.getType().toString().endsWith("/not-found"), unknown.getType().toString());

        // Hand in hand: Chaoyang proposes, each side approves its own half, and the pairing is active.
        PairingView proposed = typed(new PairingsApi(chaoyang).proposePairing(new ProposePairing()
                .kind(PairingKind.HAND_IN_HAND).supportingParty(urban).supportedParty(township)
                .goals("教研共同体、同步课堂"), null, null));
        typed(new PairingsApi(chaoyang).approvePairing(proposed.getId(), new PairingApproval().side(PairingSide.SUPPORTING), null));
        PairingView active = typed(new PairingsApi(miyun).approvePairing(proposed.getId(),
                new PairingApproval().side(PairingSide.SUPPORTED), null));
        assertEquals(PairingStatus.ACTIVE, active.getStatus());
        Problem twice = problem(miyun, () -> new PairingsApi(miyun).approvePairing(proposed.getId(),
                new PairingApproval().side(PairingSide.SUPPORTED), null), 409);
        assertEquals(409, twice.getStatus());
        problem(miyun, () -> new PairingsApi(miyun).approvePairing(proposed.getId(),
                new PairingApproval().side(PairingSide.SUPPORTING), null), 403);

        // Rotation: Beijing's teachers, and a dry run of 按岗定人 for the 2024 cycle's posts.
        PageTeacherView teachers = typed(new TeachersApi(beijing).listTeachers(0, null, 50, null, null, null));
        assertTrue(teachers.getTotal() > 0, "the demo's Beijing teachers");
        RunView run = typed(new MatchingApi(beijing).runMatching(new RunRequest().regionCode("110000").cycle(2024)
                .dryRun(true), null));
        assertNotNull(run.getId());

        // Healthcare: the home insurer certifies a Fenyang patient's uraemia (门诊慢特病), then a haemodialysis session
        // is quoted as the seed prices it (423 yuan).
        CertificationView certified = typed(new ChronicCertificationsApi(admin).certifyChronicDisease(
                new CertificationRequest().personId("FY-INTEGRATOR-1").homeRegion("141182").diseaseCode("M07800")
                        .diseaseName("尿毒症透析").validFrom(LocalDate.of(2025, 1, 1)), null));
        assertEquals(RegistrationStatus.ACTIVE, certified.getStatus());
        SettlementView quote = typed(new SettlementsApi(admin).quoteSettlement(new BillRequest()
                .insured(new InsuredPart().personId("FY-INTEGRATOR-1").homeRegion("141182").scheme(Scheme.RESIDENT))
                .visit(new VisitPart().treatmentRegion("141182").institutionCode("H1411820001")
                        .kind(VisitKind.SPECIAL_CHRONIC).crossRegionKind(CrossRegionKind.LOCAL)
                        .date(LocalDate.of(2025, 3, 3)).serviceType("HEMODIALYSIS").sessions(1))
                .lines(List.of(new LinePart().itemCode("HD-0001").amount(new BigDecimal("423.00")))), null));
        assertEquals(0, new BigDecimal("423.00").compareTo(quote.getTotal()));

        // The exchange feed, narrowed to the new school and page by page: Miyun sees its registration with the data
        // as JSON.
        boolean seen = false;
        String after = null;
        for (int page = 0; page < 100 && !seen; page++) {
            FeedPage feed = typed(new ExchangeApi(miyun).listPairingExchangeEvents(after, 200, township, null, null));
            for (CloudEvent event : feed.getEvents()) {
                seen |= township.equals(event.getSubject()) && event.getType().endsWith(".school.registered.v1")
                        && event.getData() instanceof Map<?, ?> data && "密云区集成测试小学".equals(data.get("name"));
            }
            if (!Boolean.TRUE.equals(feed.getHasMore())) {
                break;
            }
            after = feed.getNext();
        }
        assertTrue(seen, "the registration of " + township + " in Miyun's pairing feed");

        System.out.printf("IntegratorDayIT: %d calls through the generated client, all typed: %d answered with a "
                + "generated view, %d expected refusals read as the generated Problem%n",
                typedCalls.get() + problems.get(), typedCalls.get(), problems.get());
    }

    private static ApiClient client(SharedStack.Suite suite, String user) throws IOException {
        String token = suite.tokens().passwordGrant(user, user);
        URI gateway = URI.create(suite.gateway());
        ApiClient api = new ApiClient();
        api.setScheme(gateway.getScheme());
        api.setHost(gateway.getHost());
        api.setPort(gateway.getPort());
        api.setBasePath("");
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return api;
    }

    /** The suite's demo data, loaded here unless the suite test before loaded it already. */
    private void demoDataLoaded(SharedStack.Suite suite, ApiClient admin) throws Exception {
        try {
            typed(new InstitutionsApi(admin).getInstitution("H1411820001", null));
        } catch (ApiException e) {
            assertEquals(404, e.getCode(), e.getResponseBody());
            DemoData.load(suite.config().root().resolve("deploy/demo"), suite.gateway(),
                    user -> suite.tokens().passwordGrant(user, user));
        }
    }

    private <T> T typed(T view) {
        assertNotNull(view, "a typed view");
        typedCalls.incrementAndGet();
        return view;
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws ApiException;
    }

    /** The refusal the call must meet, read as the generated Problem model. */
    private Problem problem(ApiClient api, Call call, int status) throws IOException {
        ApiException refused = assertThrows(ApiException.class, call::call);
        assertEquals(status, refused.getCode(), refused.getResponseBody());
        Problem problem = api.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(status, problem.getStatus());
        problems.incrementAndGet();
        return problem;
    }
}
