package org.xietong.systemtests.soak;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Changping's insurance officer settles bills of Changping's insured treated at the soak's hospital in Leling:
 * quotes each, settles it, and every fifth one sends the settlement again as a client retrying after a lost answer
 * would; the retry must be answered with the first recording, not settled twice.
 */
final class Insurer extends VirtualUser {

    static final String INSURER = "insurer-changping";
    static final RequestKind QUOTE = RequestKind.of("healthcare: quote settlement", 200);
    static final RequestKind SETTLE = RequestKind.of("healthcare: settle bill", 201);
    static final RequestKind SETTLE_AGAIN = RequestKind.of("healthcare: settle bill again (retry)", 201);
    private static final String SETTLEMENTS = "/api/v1/healthcare/settlements";
    static final int PEOPLE = 40;

    Insurer(Duration pace, SoakClient client, SoakData data, RequestTally tally) {
        super("insurer", pace, client, data, tally);
    }

    static String person(int n) {
        return "SOAK-P" + n % PEOPLE;
    }

    /** A bill whose cross-region kind the home region's filings decide (see {@link SoakSetup}). */
    static Map<String, Object> bill(String billId, int n) {
        boolean inpatient = n % 3 != 0;
        int days = 1 + n % 9;
        return Map.of("billId", billId,
                "insured", Map.of("personId", person(n), "homeRegion", SoakData.HOME_REGION,
                        "scheme", n % 2 == 0 ? "RESIDENT" : "EMPLOYEE"),
                "visit", Map.of("treatmentRegion", SoakData.TREATMENT_REGION, "institutionCode", SoakData.INSTITUTION,
                        "kind", inpatient ? "INPATIENT" : "OUTPATIENT",
                        "date", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1 + n % 20).toString()),
                "lines", inpatient
                        ? List.of(line("BED-0001", 40 * days), line("DRUG-B-0001", 85.5 * days), line("SELF-0001", 120))
                        : List.of(line("DRUG-B-0001", 85.5)));
    }

    private static Map<String, Object> line(String item, double amount) {
        return Map.of("itemCode", item, "amount", amount);
    }

    @Override
    void iteration(int n) {
        Map<String, Object> bill = bill(data.nextBillId(), n);
        client.post(QUOTE, INSURER, SETTLEMENTS + "/quote", bill);
        String id = require(client.post(SETTLE, INSURER, SETTLEMENTS, bill), 201).text("id");
        data.settlements.add(id);
        if (n % 5 == 0) {
            String again = require(client.post(SETTLE_AGAIN, INSURER, SETTLEMENTS, bill), 201).text("id");
            if (!again.equals(id)) {
                fail("bill " + bill.get("billId") + " sent again was settled a second time: " + id + ", then " + again);
            }
        }
    }
}
