package org.xietong.healthcare.settlement.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random years of bills with reversals interleaved: whichever bills are reversed and when, the person's
 * accumulators end to the fen where settling only the surviving bills, in order, leaves them, and every surviving
 * bill carries the result it would have had without the reversed ones.
 */
class ReversalPropertiesTest {

    private static final int PEOPLE = 800;

    private final SettlementEngine engine = new SettlementEngine();

    @Test
    void reversalsLeaveTheYearAsIfOnlyTheSurvivingBillsWereSettled() {
        Random random = new Random(20261205L);
        int reversals = 0;
        for (int person = 0; person < PEOPLE; person++) {
            SettlementPolicy policy = SettlementPropertiesTest.randomPolicy(random);
            List<Reversal.Recorded<Integer>> year = new ArrayList<>();
            Accumulators stored = Accumulators.EMPTY;
            int visits = 2 + random.nextInt(8);
            for (int v = 0; v < visits; v++) {
                Bill bill = SettlementPropertiesTest.randomBill(random, "P" + person, v);
                Settlement settled = engine.settle(bill, policy, Fixtures.catalog(), stored, Fixtures.TODAY);
                year.add(new Reversal.Recorded<>(v, bill, settled));
                stored = settled.after();
                if (random.nextInt(3) == 0) {
                    Integer reversed = year.get(random.nextInt(year.size())).id();
                    Reversal.Outcome<Integer> outcome = Reversal.reverse(year, reversed,
                            (b, before) -> engine.settle(b, policy, Fixtures.catalog(), before, Fixtures.TODAY));
                    year = survivors(year, reversed, outcome);
                    stored = outcome.restored();
                    reversals++;
                }
            }
            Accumulators clean = Accumulators.EMPTY;
            for (Reversal.Recorded<Integer> survivor : year) {
                Settlement alone = engine.settle(survivor.bill(), policy, Fixtures.catalog(), clean, Fixtures.TODAY);
                assertEquals(alone, survivor.result(), "person " + person + ", bill " + survivor.id());
                clean = alone.after();
            }
            assertEquals(clean, stored, "person " + person);
        }
        assertTrue(reversals > 500, "reversed " + reversals);
    }

    @Test
    void reversingTheLastBillRestoresTheAccumulatorsItStartedWith() {
        SettlementPolicy policy = Fixtures.shanxi();
        Bill first = Fixtures.bill().line("A001", "30000.00").build();
        Bill second = Fixtures.bill().line("B001", "8000.00").build();
        Settlement one = engine.settle(first, policy, Fixtures.catalog(), Accumulators.EMPTY, Fixtures.TODAY);
        Settlement two = engine.settle(second, policy, Fixtures.catalog(), one.after(), Fixtures.TODAY);

        Reversal.Outcome<String> outcome = Reversal.reverse(List.of(new Reversal.Recorded<>("one", first, one),
                new Reversal.Recorded<>("two", second, two)), "two", (b, before) -> {
            throw new AssertionError("nothing later to settle again");
        });

        assertEquals(one.after(), outcome.restored());
        assertEquals(List.of(), outcome.resettled());
    }

    private static List<Reversal.Recorded<Integer>> survivors(List<Reversal.Recorded<Integer>> year, Integer reversed,
                                                             Reversal.Outcome<Integer> outcome) {
        List<Reversal.Recorded<Integer>> kept = new ArrayList<>();
        for (Reversal.Recorded<Integer> recorded : year) {
            if (recorded.id().equals(reversed)) {
                continue;
            }
            Reversal.Recorded<Integer> replaced = recorded;
            for (Reversal.Resettled<Integer> again : outcome.resettled()) {
                if (again.supersedes().equals(recorded.id())) {
                    replaced = new Reversal.Recorded<>(recorded.id(), again.bill(), again.result());
                }
            }
            kept.add(replaced);
        }
        return kept;
    }
}
