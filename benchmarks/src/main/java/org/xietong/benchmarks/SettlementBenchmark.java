package org.xietong.benchmarks;

import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.healthcare.settlement.engine.BillLine;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.CrossRegionKind;
import org.xietong.healthcare.settlement.engine.DeductibleBasis;
import org.xietong.healthcare.settlement.engine.Insured;
import org.xietong.healthcare.settlement.engine.ItemClass;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.healthcare.settlement.engine.SettlementEngine;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.healthcare.settlement.engine.Visit;
import org.xietong.healthcare.settlement.engine.VisitKind;
import org.xietong.healthcare.settlement.engine.YearlyAccumulators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Settles a partner province's batch (seeded: 200,000 bills × 5 lines by default) through healthcare-link-service's
 * settlement engine in this JVM, with accumulators carried in memory per person and year as the batch endpoint
 * does. Bills are generated before the clock starts; every settled bill is checked to add up to the fen. System
 * properties: seed, bills, linesPerBill, people, items.
 */
public final class SettlementBenchmark {

    private static final String HOME = "141182";
    private static final String TREATMENT = "330100";

    private SettlementBenchmark() {
    }

    public static void main(String[] args) {
        long seed = Long.getLong("seed", 20261123L);
        int billCount = Integer.getInteger("bills", 200_000);
        int linesPerBill = Integer.getInteger("linesPerBill", 5);
        int people = Integer.getInteger("people", 40_000);
        int itemCount = Integer.getInteger("items", 5_000);

        long begin = System.nanoTime();
        Random random = new Random(seed);
        Map<String, CatalogItem> catalog = catalog(random, itemCount);
        List<String> codes = new ArrayList<>(catalog.keySet());
        List<Bill> bills = new ArrayList<>(billCount);
        for (int i = 0; i < billCount; i++) {
            bills.add(bill(random, codes, people, linesPerBill, i, billCount));
        }
        double generateSeconds = seconds(System.nanoTime() - begin);
        SettlementPolicy policy = policy();
        SettlementEngine engine = new SettlementEngine();
        LocalDate today = LocalDate.of(2026, 12, 31);

        // A short warm-up on separate people, so the timed run measures settling rather than class loading.
        YearlyAccumulators warm = YearlyAccumulators.empty();
        for (int i = 0; i < Math.min(20_000, billCount); i++) {
            settle(engine, policy, catalog, warm, bills.get(i), today);
        }

        YearlyAccumulators accumulators = YearlyAccumulators.empty();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal fallback = BigDecimal.ZERO;
        BigDecimal patient = BigDecimal.ZERO;
        long lines = 0;
        begin = System.nanoTime();
        for (Bill bill : bills) {
            Settlement s = settle(engine, policy, catalog, accumulators, bill, today);
            total = total.add(s.total());
            fallback = fallback.add(s.fallback());
            patient = patient.add(s.patientPays());
            lines += bill.lines().size();
        }
        long nanos = System.nanoTime() - begin;
        double settleSeconds = seconds(nanos);

        System.out.printf(Locale.ROOT, "%nXietong settlement benchmark — %s, %d cores, %.1f GB heap max of this JVM%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
        System.out.println("| figure | measured | goal |");
        System.out.println("|---|---|---|");
        row("batch", String.format(Locale.ROOT, "%,d bills × %d lines = %,d lines, %,d people, %,d catalog items "
                + "(seed %d; generated in %.1f s, not timed)", billCount, linesPerBill, lines, people, itemCount, seed,
                generateSeconds), "");
        row("settle time (engine, accumulators in memory, one thread)", String.format(Locale.ROOT, "%.2f s", settleSeconds),
                "≤ 60 s for 1,000,000 lines");
        row("throughput", String.format(Locale.ROOT, "%,.0f lines/s, %,.0f bills/s", lines / settleSeconds,
                billCount / settleSeconds), "");
        row("per bill", String.format(Locale.ROOT, "%.1f µs", nanos / 1e3 / billCount), "");
        row("settled", String.format(Locale.ROOT, "total %s yuan, fallback %s, patients %s; every bill's parts add up "
                + "to its total", total.toPlainString(), fallback.toPlainString(), patient.toPlainString()), "");
        row("JVM heap used", String.format(Locale.ROOT, "%,d MB with the batch held", usedHeap() >> 20), "");
    }

    private static Settlement settle(SettlementEngine engine, SettlementPolicy policy, Map<String, CatalogItem> catalog,
                                     YearlyAccumulators accumulators, Bill bill, LocalDate today) {
        String person = bill.insured().personId();
        int year = bill.visit().date().getYear();
        Accumulators before = accumulators.get(person, year);
        Settlement s = engine.settle(bill, policy, code -> Optional.ofNullable(catalog.get(code)), before, today);
        accumulators.put(person, year, s.after());
        BigDecimal parts = s.basicFund().add(s.seriousIllness()).add(s.medicalAssistance()).add(s.fallback())
                .add(s.patientPays());
        if (parts.compareTo(s.total()) != 0 || s.patientPays().signum() < 0) {
            throw new IllegalStateException("parts do not add up: " + s);
        }
        return s;
    }

    private static Map<String, CatalogItem> catalog(Random random, int count) {
        Map<String, CatalogItem> items = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String code = String.format(Locale.ROOT, "ZJ%06d", i);
            int kind = random.nextInt(10);
            ItemClass itemClass = kind < 6 ? ItemClass.A : kind < 9 ? ItemClass.B : ItemClass.C;
            BigDecimal selfPay = itemClass == ItemClass.B ? BigDecimal.valueOf(5 + random.nextInt(16)) : BigDecimal.ZERO;
            items.put(code, new CatalogItem(code, "item " + i, itemClass, selfPay, null));
        }
        items.put("HD001", new CatalogItem("HD001", "血液透析", ItemClass.A, BigDecimal.ZERO, new BigDecimal("423.00")));
        return items;
    }

    private static Bill bill(Random random, List<String> codes, int people, int lineCount, int index, int count) {
        boolean dialysis = random.nextInt(20) == 0;
        Insured insured = new Insured("P" + random.nextInt(people), HOME, random.nextBoolean() ? Scheme.RESIDENT : Scheme.EMPLOYEE,
                random.nextInt(15) == 0 ? "LOW_INCOME" : null);
        // Bills arrive in date order over the year, as a month's or a year's batch would.
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays((long) index * 365 / count);
        VisitKind kind = dialysis ? VisitKind.SPECIAL_CHRONIC : VisitKind.values()[random.nextInt(2)];
        Visit visit = new Visit(TREATMENT, "S3301000001", 1 + random.nextInt(3), kind,
                CrossRegionKind.values()[1 + random.nextInt(4)], date, dialysis ? "HEMODIALYSIS" : "GENERAL", 1);
        List<BillLine> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            String code = dialysis && i == 0 ? "HD001" : codes.get(random.nextInt(codes.size()));
            long fen = kind == VisitKind.INPATIENT ? random.nextInt(2_000_000) : random.nextInt(50_000);
            lines.add(new BillLine(code, BigDecimal.valueOf(fen, 2)));
        }
        return new Bill(insured, visit, lines);
    }

    private static SettlementPolicy policy() {
        List<SettlementPolicy.Line> lines = new ArrayList<>();
        for (int tier = 1; tier <= 3; tier++) {
            lines.add(line(Scheme.RESIDENT, VisitKind.INPATIENT, tier, DeductibleBasis.PER_ADMISSION,
                    new String[]{"200", "500", "1000"}[tier - 1], new String[]{"85", "75", "60"}[tier - 1], "200000"));
            lines.add(line(Scheme.EMPLOYEE, VisitKind.INPATIENT, tier, DeductibleBasis.PER_ADMISSION,
                    new String[]{"200", "400", "800"}[tier - 1], new String[]{"90", "85", "80"}[tier - 1], "400000"));
        }
        lines.add(line(Scheme.RESIDENT, VisitKind.OUTPATIENT, null, DeductibleBasis.PER_YEAR, "100", "50", "800"));
        lines.add(line(Scheme.EMPLOYEE, VisitKind.OUTPATIENT, null, DeductibleBasis.PER_YEAR, "1000", "70", "5000"));
        lines.add(line(Scheme.RESIDENT, VisitKind.SPECIAL_CHRONIC, null, DeductibleBasis.PER_YEAR, "300", "65", "150000"));
        lines.add(line(Scheme.EMPLOYEE, VisitKind.SPECIAL_CHRONIC, null, DeductibleBasis.PER_YEAR, "0", "85", "300000"));
        return new SettlementPolicy(lines,
                List.of(new SettlementPolicy.SeriousIllness(Scheme.RESIDENT, new BigDecimal("10000"), List.of(
                        new SettlementPolicy.Tier(new BigDecimal("100000"), new BigDecimal("60")),
                        new SettlementPolicy.Tier(null, new BigDecimal("70"))), new BigDecimal("400000"))),
                List.of(new SettlementPolicy.Assistance("LOW_INCOME", new BigDecimal("70"), new BigDecimal("30000"))),
                List.of(new SettlementPolicy.Fallback("HEMODIALYSIS", null, new BigDecimal("35"))));
    }

    private static SettlementPolicy.Line line(Scheme scheme, VisitKind kind, Integer tier, DeductibleBasis basis,
                                              String deductible, String rate, String ceiling) {
        return new SettlementPolicy.Line(scheme, kind, tier, basis, new BigDecimal(deductible), new BigDecimal(rate),
                new BigDecimal(ceiling), new BigDecimal("10"), new BigDecimal("20"));
    }

    private static void row(String figure, String measured, String goal) {
        System.out.println("| " + figure + " | " + measured + " | " + goal + " |");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
