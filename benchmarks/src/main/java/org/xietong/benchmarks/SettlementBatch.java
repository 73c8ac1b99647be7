package org.xietong.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A partner province's seeded batch of bills: Chongqing residents and employees (home 500112, 渝北) treated in
 * Hangzhou (330100) at three institutions, one per tier, against a generated catalog and a home policy with every
 * fund. The same batch is settled in-process ({@link SettlementBenchmark}) and over HTTP ({@link SettlementOverHttp}).
 * System properties: seed, bills, linesPerBill, people, items.
 */
final class SettlementBatch {

    static final String HOME = "500112";
    static final String TREATMENT = "330100";
    /** The engine's "today": after every bill of the batch, which is dated in 2025. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    final long seed;
    final int people;
    final int linesPerBill;
    final Map<String, CatalogItem> catalog;
    final List<Bill> bills;
    final SettlementPolicy policy = policy();

    private SettlementBatch(long seed, int people, int linesPerBill, Map<String, CatalogItem> catalog, List<Bill> bills) {
        this.seed = seed;
        this.people = people;
        this.linesPerBill = linesPerBill;
        this.catalog = catalog;
        this.bills = bills;
    }

    static SettlementBatch fromSystemProperties() {
        return generate(Long.getLong("seed", 20261123L), Integer.getInteger("bills", 200_000),
                Integer.getInteger("linesPerBill", 5), Integer.getInteger("people", 40_000), Integer.getInteger("items", 5_000));
    }

    static SettlementBatch generate(long seed, int billCount, int linesPerBill, int people, int itemCount) {
        Random random = new Random(seed);
        Map<String, CatalogItem> catalog = catalog(random, itemCount);
        List<String> codes = new ArrayList<>(catalog.keySet());
        List<Bill> bills = new ArrayList<>(billCount);
        for (int i = 0; i < billCount; i++) {
            bills.add(bill(random, codes, people, linesPerBill, i, billCount));
        }
        return new SettlementBatch(seed, people, linesPerBill, catalog, bills);
    }

    long lines() {
        return bills.stream().mapToLong(b -> b.lines().size()).sum();
    }

    String describe() {
        return String.format(Locale.ROOT, "%,d bills × %d lines = %,d lines, %,d people, %,d catalog items (seed %d)",
                bills.size(), linesPerBill, lines(), people, catalog.size() - 1, seed);
    }

    /** The institution a bill of this tier is treated at; registered with a grade of that tier. */
    static String institution(int tier) {
        return "S330100000" + tier;
    }

    /** Sums of a settled batch, in yuan. */
    record Totals(BigDecimal total, BigDecimal fallback, BigDecimal patientPays) {
    }

    /**
     * Settles every bill in order with the engine, carrying each person's yearly accumulators in memory from empty
     * (as a batch recorded on an empty database does), and checks that every bill's parts add up to its total.
     */
    Totals settle(List<Bill> which) {
        SettlementEngine engine = new SettlementEngine();
        YearlyAccumulators accumulators = YearlyAccumulators.empty();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal fallback = BigDecimal.ZERO;
        BigDecimal patient = BigDecimal.ZERO;
        for (Bill bill : which) {
            String person = bill.insured().personId();
            int year = bill.visit().date().getYear();
            Accumulators before = accumulators.get(person, year);
            Settlement s = engine.settle(bill, policy, code -> Optional.ofNullable(catalog.get(code)), before, TODAY);
            accumulators.put(person, year, s.after());
            BigDecimal parts = s.basicFund().add(s.seriousIllness()).add(s.medicalAssistance()).add(s.fallback())
                    .add(s.patientPays());
            if (parts.compareTo(s.total()) != 0 || s.patientPays().signum() < 0) {
                throw new IllegalStateException("parts do not add up: " + s);
            }
            total = total.add(s.total());
            fallback = fallback.add(s.fallback());
            patient = patient.add(s.patientPays());
        }
        return new Totals(total, fallback, patient);
    }

    /** The body of {@code PUT /catalogs/330100/items}. */
    String catalogUpload(ObjectMapper json) throws IOException {
        ObjectNode upload = json.createObjectNode();
        ArrayNode items = upload.putArray("items");
        for (CatalogItem item : catalog.values()) {
            ObjectNode node = items.addObject();
            node.put("code", item.code());
            node.put("name", item.name());
            node.put("itemClass", item.itemClass().name());
            node.put("selfPayPercent", item.selfPayPercent());
            if (item.unitPrice() != null) {
                node.put("unitPrice", item.unitPrice());
            }
        }
        return json.writeValueAsString(upload);
    }

    /** The body of {@code POST /institutions} for the institution of {@code tier}. */
    static String institutionRequest(ObjectMapper json, int tier) throws IOException {
        ObjectNode node = json.createObjectNode();
        node.put("code", institution(tier));
        node.put("name", "杭州基准医院" + tier);
        node.put("regionCode", TREATMENT);
        node.put("level", new String[]{"ONE_A", "TWO_A", "THREE_A"}[tier - 1]);
        node.put("type", "GENERAL");
        return json.writeValueAsString(node);
    }

    /** The batch as NDJSON, one bill a line as {@code POST /settlements/batch} reads it; bill ids B0 … */
    void writeNdjson(ObjectMapper json, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < bills.size(); i++) {
                Bill bill = bills.get(i);
                Map<String, Object> insured = new LinkedHashMap<>();
                insured.put("personId", bill.insured().personId());
                insured.put("homeRegion", bill.insured().homeRegion());
                insured.put("scheme", bill.insured().scheme());
                insured.put("assistanceCategory", bill.insured().assistanceCategory());
                Visit v = bill.visit();
                Map<String, Object> visit = new LinkedHashMap<>();
                visit.put("treatmentRegion", v.treatmentRegion());
                visit.put("institutionCode", v.institutionCode());
                visit.put("kind", v.kind());
                visit.put("crossRegionKind", v.crossRegionKind());
                visit.put("date", v.date().toString());
                visit.put("serviceType", v.serviceType());
                visit.put("sessions", v.sessions());
                List<Map<String, Object>> lines = bill.lines().stream()
                        .map(l -> Map.<String, Object>of("itemCode", l.itemCode(), "amount", l.amount())).toList();
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("billId", "B" + i);
                request.put("insured", insured);
                request.put("visit", visit);
                request.put("lines", lines);
                out.write(json.writeValueAsString(request));
                out.write('\n');
            }
        }
    }

    private static Map<String, CatalogItem> catalog(Random random, int count) {
        Map<String, CatalogItem> items = new LinkedHashMap<>();
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
        // Dialysis is for the certified cohort (门诊慢特病); the bills of the rest are of any person.
        String person = "P" + random.nextInt(dialysis ? dialysisPatients(people) : people);
        Insured insured = new Insured(person, HOME, random.nextBoolean() ? Scheme.RESIDENT : Scheme.EMPLOYEE,
                random.nextInt(15) == 0 ? "LOW_INCOME" : null);
        // Bills arrive in date order over the year, as a month's or a year's batch would.
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays((long) index * 365 / count);
        VisitKind kind = dialysis ? VisitKind.SPECIAL_CHRONIC : VisitKind.values()[random.nextInt(2)];
        int tier = 1 + random.nextInt(3);
        // No person of the batch has a 备案, so a visit is TEMPORARY unless it is an emergency.
        Visit visit = new Visit(TREATMENT, institution(tier), tier, kind,
                random.nextInt(4) == 0 ? CrossRegionKind.EMERGENCY : CrossRegionKind.TEMPORARY,
                date, dialysis ? "HEMODIALYSIS" : "GENERAL", 1);
        List<BillLine> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            String code = dialysis && i == 0 ? "HD001" : codes.get(random.nextInt(codes.size()));
            long fen = kind == VisitKind.INPATIENT ? random.nextInt(2_000_000) : random.nextInt(50_000);
            lines.add(new BillLine(code, BigDecimal.valueOf(fen, 2)));
        }
        return new Bill(insured, visit, lines);
    }

    /** How many of the people are the dialysis cohort, P0 onwards, whose home region certified their disease. */
    static int dialysisPatients(int people) {
        return Math.min(100, people);
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
                List.of(new SettlementPolicy.SafetyNet("HEMODIALYSIS", null, new BigDecimal("35"))));
    }

    private static SettlementPolicy.Line line(Scheme scheme, VisitKind kind, Integer tier, DeductibleBasis basis,
                                              String deductible, String rate, String ceiling) {
        return new SettlementPolicy.Line(scheme, kind, tier, basis, new BigDecimal(deductible), new BigDecimal(rate),
                new BigDecimal(ceiling), new BigDecimal("10"), new BigDecimal("20"));
    }
}
