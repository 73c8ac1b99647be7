package org.xietong.healthcare.safetynet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.healthcare.settlement.engine.Accumulators;
import org.xietong.healthcare.settlement.engine.Bill;
import org.xietong.healthcare.settlement.engine.BillLine;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.CrossRegionKind;
import org.xietong.healthcare.settlement.engine.Insured;
import org.xietong.healthcare.settlement.engine.Money;
import org.xietong.healthcare.settlement.engine.Scheme;
import org.xietong.healthcare.settlement.engine.Settlement;
import org.xietong.healthcare.settlement.engine.SettlementEngine;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.healthcare.settlement.engine.Visit;
import org.xietong.healthcare.settlement.engine.VisitKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forecasts a year of a cohort's treatment through the settlement engine: each group's patient is settled session
 * by session (spread evenly over the year, at the catalog's unit price) with the year's accumulators, so deductibles,
 * ceilings and serious-illness thresholds bite as they would; the patients of a group are alike, so one patient's
 * year times the group size is the group's.
 */
public final class SafetyNetForecaster {

    /** A cohort group resolved against the registry and the catalog. */
    public record Group(String label, int patients, Scheme scheme, String assistanceCategory, String serviceType,
                        VisitKind kind, String institutionCode, String treatmentRegion, int institutionTier,
                        CatalogItem item, int sessionsPerYear) {
    }

    public record GroupForecast(String label, int patients, int sessionsPerPatient, BigDecimal pricePerSession,
                                BigDecimal patientPaysPerSessionMin, BigDecimal patientPaysPerSessionMax,
                                Figures perPatient, Figures group) {
    }

    @Schema(name = "SafetyNetForecast")
    public record Forecast(String homeRegion, int year, int patients, long sessions, Figures totals,
                           Map<String, BigDecimal> sharesPercent, List<GroupForecast> groups) {
    }

    private final SettlementEngine engine = new SettlementEngine();

    public Forecast forecast(String homeRegion, int year, SettlementPolicy policy, List<Group> groups) {
        List<GroupForecast> results = new ArrayList<>();
        Figures totals = Figures.ZERO;
        int patients = 0;
        long sessions = 0;
        for (Group group : groups) {
            GroupForecast result = forecast(homeRegion, year, policy, group);
            results.add(result);
            totals = totals.plus(result.group());
            patients += group.patients();
            sessions += (long) group.patients() * group.sessionsPerYear();
        }
        return new Forecast(homeRegion, year, patients, sessions, totals, shares(totals), results);
    }

    private GroupForecast forecast(String homeRegion, int year, SettlementPolicy policy, Group group) {
        Insured insured = new Insured("FORECAST", homeRegion, group.scheme(), group.assistanceCategory());
        LocalDate start = LocalDate.of(year, 1, 1);
        int days = start.lengthOfYear();
        Accumulators accumulators = Accumulators.EMPTY;
        Figures perPatient = Figures.ZERO;
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 0; i < group.sessionsPerYear(); i++) {
            LocalDate date = start.plusDays((long) i * days / group.sessionsPerYear());
            Visit visit = new Visit(group.treatmentRegion(), group.institutionCode(), group.institutionTier(),
                    group.kind(), CrossRegionKind.LOCAL, date, group.serviceType(), 1);
            Bill bill = new Bill(insured, visit, List.of(new BillLine(group.item().code(), group.item().unitPrice())));
            // A forecast settles a year that may lie ahead: no date is "in the future" for it.
            Settlement s = engine.settle(bill, policy, code -> Optional.of(group.item()), accumulators, LocalDate.MAX);
            accumulators = s.after();
            perPatient = perPatient.plus(s);
            min = min == null ? s.patientPays() : min.min(s.patientPays());
            max = max == null ? s.patientPays() : max.max(s.patientPays());
        }
        return new GroupForecast(group.label(), group.patients(), group.sessionsPerYear(), Money.fen(group.item().unitPrice()),
                min, max, perPatient, perPatient.times(group.patients()));
    }

    private static Map<String, BigDecimal> shares(Figures totals) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal total = totals.total();
        shares.put("basicFund", share(totals.basicFund(), total));
        shares.put("seriousIllness", share(totals.seriousIllness(), total));
        shares.put("medicalAssistance", share(totals.medicalAssistance(), total));
        shares.put("fallback", share(totals.fallback(), total));
        shares.put("patientPays", share(totals.patientPays(), total));
        return shares;
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
    }
}
