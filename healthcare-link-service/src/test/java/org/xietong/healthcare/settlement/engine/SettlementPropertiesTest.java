package org.xietong.healthcare.settlement.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random policies and bill sequences: whatever the rates, ceilings, caps and accumulators, the parts add up
 * to the total to the fen, none is negative, and no fund pays beyond its ceiling or cap.
 */
class SettlementPropertiesTest {

    private static final int PEOPLE = 1_500;
    private static final String[] ITEMS = {"A001", "B001", "C001", "HD001", "PD001"};
    private static final String[] CATEGORIES = {null, "LOW_INCOME", "EXTREME_POVERTY", "NOT_A_CATEGORY"};
    private static final String[] SERVICES = {null, "HEMODIALYSIS", "PERITONEAL_DIALYSIS", "GENERAL"};

    private final SettlementEngine engine = new SettlementEngine();

    @Test
    void partsAlwaysAddUpAndNeverGoNegative() {
        Random random = new Random(20261123L);
        int bills = 0;
        for (int person = 0; person < PEOPLE; person++) {
            SettlementPolicy policy = randomPolicy(random);
            Accumulators accumulators = Accumulators.EMPTY;
            int visits = 1 + random.nextInt(6);
            for (int v = 0; v < visits; v++) {
                Bill bill = randomBill(random, "P" + person, v);
                Settlement s = engine.settle(bill, policy, Fixtures.catalog(), accumulators, Fixtures.TODAY);
                check(s, policy, bill);
                accumulators = s.after();
                bills++;
            }
        }
        assertTrue(bills > 4_000, "settled " + bills);
    }

    private static void check(Settlement s, SettlementPolicy policy, Bill bill) {
        BigDecimal parts = s.basicFund().add(s.seriousIllness()).add(s.medicalAssistance()).add(s.fallback())
                .add(s.patientPays());
        String context = bill + " → " + s;
        assertEquals(s.total(), parts, context);
        assertEquals(s.total(), s.eligible().add(s.outOfScope()), context);
        for (BigDecimal figure : List.of(s.total(), s.outOfScope(), s.eligible(), s.deductible(), s.basicFund(),
                s.seriousIllness(), s.medicalAssistance(), s.fallback(), s.patientPays())) {
            if (figure.signum() < 0 || figure.scale() != 2) {
                fail("negative or unscaled figure " + figure + " in " + context);
            }
        }
        assertTrue(s.deductible().compareTo(s.eligible()) <= 0, context);
        assertTrue(s.basicFund().compareTo(s.eligible().subtract(s.deductible())) <= 0, context);
        SettlementPolicy.Line line = policy.line(bill.insured().scheme(), bill.visit().kind(), bill.visit().institutionTier())
                .orElseThrow();
        assertTrue(s.after().basicFundUsed().compareTo(line.yearlyCeiling().max(s.before().basicFundUsed())) <= 0, context);
        policy.seriousIllness(bill.insured().scheme()).ifPresent(rule ->
                assertTrue(s.after().seriousPaid().compareTo(rule.yearlyCap().max(s.before().seriousPaid())) <= 0, context));
        policy.assistance(bill.insured().assistanceCategory()).ifPresent(rule ->
                assertTrue(s.after().assistancePaid().compareTo(rule.yearlyCap().max(s.before().assistancePaid())) <= 0,
                        context));
    }

    static Bill randomBill(Random random, String person, int visit) {
        Fixtures.BillBuilder bill = Fixtures.bill().person(person)
                .scheme(Scheme.values()[random.nextInt(2)])
                .kind(VisitKind.values()[random.nextInt(3)])
                .tier(1 + random.nextInt(3))
                .cross(CrossRegionKind.values()[random.nextInt(5)])
                .category(CATEGORIES[random.nextInt(CATEGORIES.length)])
                .service(SERVICES[random.nextInt(SERVICES.length)])
                .on(LocalDate.of(2026, 1, 1).plusDays(visit * 30L + random.nextInt(30)));
        int lines = 1 + random.nextInt(8);
        for (int i = 0; i < lines; i++) {
            // Mostly everyday amounts, sometimes large ones that cross thresholds, ceilings and caps.
            long fen = random.nextInt(10) == 0 ? random.nextLong(20_000_000L) : random.nextInt(200_000);
            bill.line(ITEMS[random.nextInt(ITEMS.length)], BigDecimal.valueOf(fen, 2).toPlainString());
        }
        return bill.build();
    }

    static SettlementPolicy randomPolicy(Random random) {
        List<SettlementPolicy.Line> lines = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
            for (VisitKind kind : VisitKind.values()) {
                lines.add(new SettlementPolicy.Line(scheme, kind, null,
                        DeductibleBasis.values()[random.nextInt(2)], money(random, 2_000),
                        percent(random), money(random, 300_000), percent(random), percent(random)));
            }
        }
        List<SettlementPolicy.Tier> tiers = new ArrayList<>();
        BigDecimal upTo = BigDecimal.ZERO;
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            upTo = upTo.add(money(random, 50_000));
            tiers.add(new SettlementPolicy.Tier(upTo, percent(random)));
        }
        tiers.add(new SettlementPolicy.Tier(null, percent(random)));
        return new SettlementPolicy(lines,
                List.of(new SettlementPolicy.SeriousIllness(null, money(random, 20_000), tiers, money(random, 100_000))),
                List.of(new SettlementPolicy.Assistance("LOW_INCOME", percent(random), money(random, 30_000)),
                        new SettlementPolicy.Assistance("EXTREME_POVERTY", percent(random), money(random, 5_000))),
                List.of(new SettlementPolicy.SafetyNet("HEMODIALYSIS", null, money(random, 100)),
                        new SettlementPolicy.SafetyNet("PERITONEAL_DIALYSIS", Fixtures.FENYANG_HOSPITAL, money(random, 50))));
    }

    private static BigDecimal money(Random random, int maxYuan) {
        return BigDecimal.valueOf(random.nextLong(maxYuan * 100L + 1), 2);
    }

    private static BigDecimal percent(Random random) {
        return BigDecimal.valueOf(random.nextInt(10_001), 2);
    }
}
