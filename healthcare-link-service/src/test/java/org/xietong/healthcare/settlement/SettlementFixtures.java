package org.xietong.healthcare.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.xietong.devstack.test.TestTokens;
import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.registry.ChronicCertification;
import org.xietong.healthcare.institution.InstitutionLevel;
import org.xietong.healthcare.institution.InstitutionType;
import org.xietong.healthcare.settlement.engine.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Fenyang's hospitals, catalog and policy through the API, and bill bodies for the settlement REST tests. */
public final class SettlementFixtures {

    public static final String API = "/api/v1/healthcare";
    public static final String ADMIN = TestTokens.user("admin", "platform-admin").sign();

    private SettlementFixtures() {
    }

    /** Money as BigDecimal, so figures compare to the fen. */
    public static RequestSpecification as(String token) {
        return given().config(RestAssuredConfig.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String officer(String region) {
        return TestTokens.user("insurer-" + region, "insurance-officer").region(region).sign();
    }

    public static void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            institution(Fixtures.FENYANG_HOSPITAL, "汾阳医院", InstitutionLevel.THREE_A, InstitutionType.GENERAL);
            institution(Fixtures.FENYANG_TCM, "汾阳市中医院", InstitutionLevel.TWO_A, InstitutionType.TCM);
            institution(Fixtures.CHENGDETANG, "诚德堂医院", InstitutionLevel.ONE_A, InstitutionType.GENERAL);
        });
        // Fenyang's rules as the engine's fixtures have them, in force since ever: other tests (the demo's) may have
        // given Fenyang other versions, which would otherwise decide the bills of past dates.
        QuarkusTransaction.requiringNew().run(() -> {
            StoredSettlementPolicy.delete("regionCode", Fixtures.FENYANG);
            CatalogEntry.delete("regionCode", Fixtures.FENYANG);
        });
        as(ADMIN).body(catalog()).put(API + "/catalogs/" + Fixtures.FENYANG + "/items").then().statusCode(200);
        as(ADMIN).body(Fixtures.shanxi()).put(API + "/settlement-policies/" + Fixtures.FENYANG).then().statusCode(200);
    }

    /** Certifies Fenyang residents' uraemia (门诊慢特病) from 2024 on, so their dialysis bills may settle. */
    public static void certifyDialysis(String... persons) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String person : persons) {
                ChronicCertification c = new ChronicCertification();
                c.id = UUID.randomUUID();
                c.personId = person;
                c.homeRegion = Fixtures.FENYANG;
                c.diseaseCode = "M07800";
                c.diseaseName = "尿毒症透析";
                c.validFrom = LocalDate.of(2024, 1, 1);
                c.filedBy = "fixture";
                c.persist();
            }
        });
    }

    private static void institution(String code, String name, InstitutionLevel level, InstitutionType type) {
        if (Institution.findById(code) != null) {
            return;
        }
        Institution i = new Institution();
        i.code = code;
        i.name = name;
        i.regionCode = Fixtures.FENYANG;
        i.level = level;
        i.type = type;
        i.capabilities = new String[]{"DIALYSIS_CENTRE"};
        i.persist();
    }

    static Map<String, Object> catalog() {
        List<Map<String, Object>> items = new ArrayList<>();
        Fixtures.CATALOG.values().forEach(item -> {
            Map<String, Object> entry = new HashMap<>();
            entry.put("code", item.code());
            entry.put("name", item.name());
            entry.put("itemClass", item.itemClass());
            entry.put("selfPayPercent", item.selfPayPercent());
            entry.put("unitPrice", item.unitPrice());
            items.add(entry);
        });
        return Map.of("items", items);
    }

    /** A Fenyang resident's haemodialysis session at 汾阳医院. */
    public static Map<String, Object> dialysis(String person, String date) {
        return bill(person, Fixtures.FENYANG, Fixtures.FENYANG_HOSPITAL, "SPECIAL_CHRONIC", date, "HEMODIALYSIS",
                Map.of("itemCode", "HD001", "amount", new BigDecimal("423.00")));
    }

    @SafeVarargs
    public static Map<String, Object> bill(String person, String home, String institution, String kind, String date,
                                           String service, Map<String, Object>... lines) {
        Map<String, Object> insured = new HashMap<>(Map.of("personId", person, "homeRegion", home, "scheme", "RESIDENT"));
        Map<String, Object> visit = new HashMap<>(Map.of("treatmentRegion", Fixtures.FENYANG, "institutionCode", institution,
                "kind", kind, "crossRegionKind", "LOCAL", "date", date));
        if (service != null) {
            visit.put("serviceType", service);
        }
        return Map.of("insured", insured, "visit", visit, "lines", List.of(lines));
    }

    /** The bill with its cross-region kind claimed as given, or left to the registry (null). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> claiming(Map<String, Object> bill, String crossRegionKind) {
        Map<String, Object> copy = new HashMap<>(bill);
        Map<String, Object> visit = new HashMap<>((Map<String, Object>) bill.get("visit"));
        visit.remove("crossRegionKind");
        if (crossRegionKind != null) {
            visit.put("crossRegionKind", crossRegionKind);
        }
        copy.put("visit", visit);
        return copy;
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
