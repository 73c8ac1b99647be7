package org.xietong.healthcare.settlement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.xietong.devstack.test.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A treatment region's catalog loaded from a spreadsheet, each item a dated version like an upload's. */
@QuarkusTest
class CatalogImportTest {

    // Xiaoyi (141181): only this class keeps a catalog there.
    private static final String REGION = "141181";
    private static final String IMPORT = "/api/v1/healthcare/catalogs/" + REGION + "/items/import";
    private static final String OFFICER = TestTokens.user("ins-xy", "insurance-officer").region(REGION).sign();
    private static final String HEADER = "code,name,itemClass,selfPayPercent,unitPrice\n";

    private static Response importCsv(String token, String csv, String mode, String validFrom) {
        var request = given().auth().oauth2(token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("mode", mode);
        if (validFrom != null) {
            request.queryParam("validFrom", validFrom);
        }
        return request.post(IMPORT);
    }

    @Test
    void aBadRowStopsTheWholeImportAndEveryBadLineIsReported() {
        String csv = "\uFEFF" + HEADER
                + "XY-HD01,血液透析,A,,450.00\n"
                + "XY-B01,腹膜透析液,B,abc,\n"
                + "XY-C01,自费项目,D,,\n";

        importCsv(OFFICER, csv, "ALL_OR_NOTHING", null).then().statusCode(422).contentType("application/problem+json")
                .body("report.rejected", equalTo(2)).body("report.errors.line", contains(3, 4))
                .body("report.errors[0].reason", containsString("selfPayPercent"))
                .body("report.errors[1].reason", containsString("itemClass"));
        given().auth().oauth2(OFFICER).get("/api/v1/healthcare/catalogs/" + REGION + "/items/XY-HD01")
                .then().statusCode(404);
    }

    @Test
    void importedPricesAreVersionsBeginningOnTheirDay() {
        importCsv(OFFICER, HEADER + "XY-HD02,血液透析,A,,450.00\nXY-B02,腹膜透析液,B,10,12.50\n", "per-row", "2022-01-01")
                .then().statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0));
        importCsv(OFFICER, HEADER + "XY-HD02,血液透析,A,,423.00\n", "ALL_OR_NOTHING", "2022-07-01")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(1));

        SettlementFixtures.as(OFFICER).queryParam("on", "2022-06-30")
                .get("/api/v1/healthcare/catalogs/" + REGION + "/items/XY-HD02").then().statusCode(200)
                .body("unitPrice", comparesEqualTo(new BigDecimal("450.00")));
        given().auth().oauth2(OFFICER).get("/api/v1/healthcare/catalogs/" + REGION + "/items/XY-HD02/history")
                .then().statusCode(200).body("validFrom", contains("2022-01-01", "2022-07-01"))
                .body("validTo[1]", nullValue());
        SettlementFixtures.as(OFFICER).get("/api/v1/healthcare/catalogs/" + REGION + "/items/XY-B02")
                .then().statusCode(200).body("selfPayPercent", comparesEqualTo(new BigDecimal("10.00")));
    }

    @Test
    void anotherRegionsOfficerCannotImportIntoThisCatalog() {
        String other = TestTokens.user("ins-fy", "insurance-officer").region("141182").sign();
        importCsv(other, HEADER + "XY-HD03,血液透析,A,,450.00\n", "ALL_OR_NOTHING", null)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
