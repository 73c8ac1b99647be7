package org.xietong.healthcare.settlement.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plausible Shanxi figures (Fenyang, 141182, in 吕梁 141100) for settlement tests, and a small bill builder. The
 * dialysis items carry the local prices the fallback forecast uses.
 */
public final class Fixtures {

    public static final String FENYANG = "141182";
    public static final String HANGZHOU = "330100";
    public static final String FENYANG_HOSPITAL = "S1411820001";
    public static final String FENYANG_TCM = "S1411820002";
    public static final String CHENGDETANG = "S1411820003";
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private Fixtures() {
    }

    public static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    public static SettlementPolicy.Line line(Scheme scheme, VisitKind kind, Integer tier, DeductibleBasis basis,
                                             String deductible, String rate, String ceiling) {
        return new SettlementPolicy.Line(scheme, kind, tier, basis, yuan(deductible), yuan(rate), yuan(ceiling),
                yuan("10"), yuan("20"));
    }

    /** Basic insurance, serious illness for residents, assistance for 低保 and 特困, dialysis fallback. */
    public static SettlementPolicy shanxi() {
        List<SettlementPolicy.Line> lines = new ArrayList<>();
        lines.add(line(Scheme.RESIDENT, VisitKind.INPATIENT, 1, DeductibleBasis.PER_ADMISSION, "200", "85", "200000"));
        lines.add(line(Scheme.RESIDENT, VisitKind.INPATIENT, 2, DeductibleBasis.PER_ADMISSION, "500", "75", "200000"));
        lines.add(line(Scheme.RESIDENT, VisitKind.INPATIENT, 3, DeductibleBasis.PER_ADMISSION, "1000", "60", "200000"));
        lines.add(line(Scheme.RESIDENT, VisitKind.OUTPATIENT, null, DeductibleBasis.PER_YEAR, "100", "50", "800"));
        lines.add(line(Scheme.RESIDENT, VisitKind.SPECIAL_CHRONIC, null, DeductibleBasis.PER_YEAR, "300", "65", "150000"));
        lines.add(line(Scheme.EMPLOYEE, VisitKind.INPATIENT, null, DeductibleBasis.PER_ADMISSION, "600", "85", "400000"));
        lines.add(line(Scheme.EMPLOYEE, VisitKind.OUTPATIENT, null, DeductibleBasis.PER_YEAR, "1000", "70", "5000"));
        lines.add(line(Scheme.EMPLOYEE, VisitKind.SPECIAL_CHRONIC, null, DeductibleBasis.PER_YEAR, "0", "85", "300000"));
        List<SettlementPolicy.Tier> tiers = List.of(new SettlementPolicy.Tier(yuan("100000"), yuan("60")),
                new SettlementPolicy.Tier(null, yuan("70")));
        List<SettlementPolicy.SeriousIllness> serious = List.of(
                new SettlementPolicy.SeriousIllness(Scheme.RESIDENT, yuan("10000"), tiers, yuan("400000")),
                new SettlementPolicy.SeriousIllness(Scheme.EMPLOYEE, yuan("20000"), List.of(
                        new SettlementPolicy.Tier(null, yuan("80"))), yuan("500000")));
        List<SettlementPolicy.Assistance> assistance = List.of(
                new SettlementPolicy.Assistance("LOW_INCOME", yuan("70"), yuan("30000")),
                new SettlementPolicy.Assistance("EXTREME_POVERTY", yuan("100"), yuan("50000")));
        List<SettlementPolicy.SafetyNet> fallback = List.of(
                new SettlementPolicy.SafetyNet("HEMODIALYSIS", null, yuan("35")),
                new SettlementPolicy.SafetyNet("PERITONEAL_DIALYSIS", null, yuan("18")));
        return new SettlementPolicy(lines, serious, assistance, fallback);
    }

    public static final Map<String, CatalogItem> CATALOG = Map.of(
            "HD001", new CatalogItem("HD001", "血液透析（每次）", ItemClass.A, BigDecimal.ZERO, yuan("423.00")),
            "PD001", new CatalogItem("PD001", "腹膜透析（每日）", ItemClass.A, BigDecimal.ZERO, yuan("180.00")),
            "A001", new CatalogItem("A001", "床位费", ItemClass.A, BigDecimal.ZERO, null),
            "B001", new CatalogItem("B001", "乙类药品", ItemClass.B, yuan("10"), null),
            "C001", new CatalogItem("C001", "丙类自费项目", ItemClass.C, BigDecimal.ZERO, null));

    public static Function<String, Optional<CatalogItem>> catalog() {
        return code -> Optional.ofNullable(CATALOG.get(code));
    }

    public static BillBuilder bill() {
        return new BillBuilder();
    }

    /** A resident of Fenyang treated as an inpatient at a tier-2 hospital in Fenyang, unless told otherwise. */
    public static final class BillBuilder {
        private String person = "P1";
        private String home = FENYANG;
        private Scheme scheme = Scheme.RESIDENT;
        private String category;
        private String treatment = FENYANG;
        private String institution = FENYANG_HOSPITAL;
        private int tier = 2;
        private VisitKind kind = VisitKind.INPATIENT;
        private CrossRegionKind cross = CrossRegionKind.LOCAL;
        private LocalDate date = LocalDate.of(2026, 3, 1);
        private String service;
        private final List<BillLine> lines = new ArrayList<>();

        public BillBuilder person(String id) {
            person = id;
            return this;
        }

        public BillBuilder home(String region) {
            home = region;
            return this;
        }

        public BillBuilder scheme(Scheme value) {
            scheme = value;
            return this;
        }

        public BillBuilder category(String value) {
            category = value;
            return this;
        }

        public BillBuilder treatedIn(String region) {
            treatment = region;
            return this;
        }

        public BillBuilder tier(int value) {
            tier = value;
            return this;
        }

        public BillBuilder kind(VisitKind value) {
            kind = value;
            return this;
        }

        public BillBuilder cross(CrossRegionKind value) {
            cross = value;
            return this;
        }

        public BillBuilder on(LocalDate value) {
            date = value;
            return this;
        }

        public BillBuilder service(String value) {
            service = value;
            return this;
        }

        public BillBuilder line(String item, String amount) {
            lines.add(new BillLine(item, yuan(amount)));
            return this;
        }

        public Bill build() {
            return new Bill(new Insured(person, home, scheme, category),
                    new Visit(treatment, institution, tier, kind, cross, date, service, 1), List.copyOf(lines));
        }
    }
}
