package org.xietong.healthcare.reconciliation;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.xietong.healthcare.settlement.SettlementAccess;
import org.xietong.healthcare.settlement.SettlementRecord;
import org.xietong.healthcare.settlement.SettlementStatus;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * 清算: settlements listed by person (for the home side) or by month and institution, and each month's totals per
 * home region × treatment region and fund, summed from the recorded rows. A month is a calendar month in China:
 * a settlement counts in the month it was recorded, a reversal (with opposite sign) in the month it was made.
 */
@ApplicationScoped
public class ReconciliationService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** One recorded settlement in a listing: the bill's figures, never the person's yearly sums. */
    @Schema(name = "SettlementListingItem")
    public record Listed(UUID id, String billId, String personId, String homeRegion, String treatmentRegion,
                         String institutionCode, LocalDate visitDate, Instant recordedAt, SettlementStatus status,
                         Instant reversedAt, UUID replaces, BigDecimal total, BigDecimal basicFund,
                         BigDecimal seriousIllness, BigDecimal medicalAssistance, BigDecimal fallback,
                         BigDecimal patientPays) {
    }

    /** A month's reconciliation: one row per region pair, and their sum. */
    @Schema(name = "MonthlyReconciliation")
    public record Month(String month, List<FundTotals> rows, FundTotals totals) {
    }

    /** A home region's safety-net cover (兜底) paid month by month, to set beside its forecast. */
    @Schema(name = "SafetyNetSpend")
    public record Spend(String homeRegion, int year, List<MonthSpend> months, BigDecimal total) {
    }

    public record MonthSpend(String month, long settled, long reversed, BigDecimal fallback) {
    }

    /**
     * Settlements by person (homeRegion and personId: the home side only) or by month, optionally narrowed to a home
     * region, a treatment region or an institution; always within the caller's scope.
     */
    public org.xietong.platform.api.Page<Listed> list(Filter filter, SettlementAccess access, int page, int size) {
        var found = query(filter, access).page(Page.of(page, size));
        List<Listed> items = found.list().stream().map(r -> listed(r, access)).toList();
        return new org.xietong.platform.api.Page<>(items, page, size, found.count());
    }

    /**
     * Every settlement of a listing at once, for a spreadsheet; more than {@link #EXPORT_LIMIT} rows is refused (422)
     * before any is read, so one request never holds an unbounded month in memory.
     */
    public List<Listed> export(Filter filter, SettlementAccess access) {
        var found = query(filter, access);
        long count = found.count();
        if (count > EXPORT_LIMIT) {
            throw ProblemException.unprocessable("export-too-large", "Too many rows for one file",
                    count + " settlements match; one file holds at most " + EXPORT_LIMIT
                            + ": narrow it by treatmentRegion, homeRegion or institutionCode");
        }
        return found.list().stream().map(r -> listed(r, access)).toList();
    }

    /** Rows one export may hold: a busy province's month of cross-region bills for one treatment city. */
    public static final int EXPORT_LIMIT = 100_000;

    private static PanacheQuery<SettlementRecord> query(Filter filter, SettlementAccess access) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.personId() != null) {
            if (filter.homeRegion() == null) {
                throw ProblemException.badRequest("person-needs-home", "Person needs home region",
                        "A person id is the home insurer's: send homeRegion with personId");
            }
            if (!access.coversHome(filter.homeRegion())) {
                throw ProblemException.forbidden("Only the home region " + filter.homeRegion()
                        + "'s insurer or partner system lists its insured's settlements");
            }
            where.append(" and personId = :person");
            params.and("person", filter.personId());
        } else if (filter.month() == null) {
            throw ProblemException.badRequest("listing-too-wide", "Say which settlements",
                    "List by person (homeRegion and personId) or by month (month=YYYY-MM)");
        }
        if (filter.month() != null) {
            where.append(" and createdAt >= :from and createdAt < :to");
            params.and("from", start(filter.month())).and("to", start(filter.month().plusMonths(1)));
        }
        narrow(filter, where, params);
        scope(access, where, params);
        return SettlementRecord.find(where.toString(), Sort.by("createdAt").and("id"), params);
    }

    /** The person id only for the home side. */
    private static Listed listed(SettlementRecord r, SettlementAccess access) {
        return new Listed(r.id, r.billId, access.coversHome(r.homeRegion) ? r.personId : null, r.homeRegion,
                r.treatmentRegion, r.institutionCode, r.visitDate, r.createdAt, r.status, r.reversedAt, r.replaces,
                r.total, r.basicFund, r.seriousIllness, r.medicalAssistance, r.fallback, r.patientPays);
    }

    /** What to list or sum: any of these; null where not asked. */
    public record Filter(YearMonth month, String homeRegion, String treatmentRegion, String institutionCode,
                         String personId) {
    }

    public Month month(Filter filter, SettlementAccess access) {
        return month(filter, access, true);
    }

    /** The month's rows; {@code scoped}: only the pairs the caller is a side of (false once a region was checked). */
    private Month month(Filter filter, SettlementAccess access, boolean scoped) {
        Map<String, PairSums> settled = sums("createdAt", filter, access, scoped);
        Map<String, PairSums> reversed = sums("reversedAt", filter, access, scoped);
        TreeMap<String, FundTotals> rows = new TreeMap<>();
        for (String pair : union(settled, reversed)) {
            String[] regions = pair.split("/");
            rows.put(pair, FundTotals.net(regions[0], regions[1], settled.get(pair), reversed.get(pair)));
        }
        List<FundTotals> listed = new ArrayList<>(rows.values());
        return new Month(filter.month().toString(), listed, FundTotals.sum(null, null, listed));
    }

    /** The region's spend; the caller's region must cover it (a report on a region, like its forecast). */
    public Spend spend(String homeRegion, int year, SettlementAccess access) {
        if (!access.admin() && !access.scope().covers(homeRegion)) {
            throw ProblemException.forbidden("Region " + homeRegion + " is outside your scope");
        }
        List<MonthSpend> months = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            FundTotals totals = month(new Filter(month, homeRegion, null, null, null), access, false).totals();
            months.add(new MonthSpend(month.toString(), totals.settled(), totals.reversed(), totals.fallback()));
            total = total.add(totals.fallback());
        }
        return new Spend(homeRegion, year, months, total);
    }

    private static List<String> union(Map<String, PairSums> a, Map<String, PairSums> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }

    /** The month's rows recorded (or reversed, by {@code when}) per region pair, summed by the database. */
    private static Map<String, PairSums> sums(String when, Filter filter, SettlementAccess access, boolean scoped) {
        StringBuilder where = new StringBuilder(when + " >= :from and " + when + " < :to");
        Parameters params = Parameters.with("from", start(filter.month())).and("to", start(filter.month().plusMonths(1)));
        narrow(filter, where, params);
        if (scoped) {
            scope(access, where, params);
        }
        var query = Panache.getEntityManager().createQuery("select new " + PairSums.class.getName()
                + "(homeRegion, treatmentRegion, count(*), sum(total), sum(basicFund), sum(seriousIllness), "
                + "sum(medicalAssistance), sum(fallback), sum(patientPays)) from SettlementRecord where " + where
                + " group by homeRegion, treatmentRegion", PairSums.class);
        params.map().forEach(query::setParameter);
        Map<String, PairSums> byPair = new TreeMap<>();
        query.getResultList().forEach(s -> byPair.put(s.homeRegion() + "/" + s.treatmentRegion(), s));
        return byPair;
    }

    private static void narrow(Filter filter, StringBuilder where, Parameters params) {
        if (filter.homeRegion() != null) {
            where.append(" and homeRegion like :home");
            params.and("home", RegionCode.scopePrefix(filter.homeRegion()) + "%");
        }
        if (filter.treatmentRegion() != null) {
            where.append(" and treatmentRegion like :treatment");
            params.and("treatment", RegionCode.scopePrefix(filter.treatmentRegion()) + "%");
        }
        if (filter.institutionCode() != null) {
            where.append(" and institutionCode = :institution");
            params.and("institution", filter.institutionCode());
        }
    }

    /** The caller's rows: a region's (home or treatment side) for insurers and partners, an institution's for its staff. */
    private static void scope(SettlementAccess access, StringBuilder where, Parameters params) {
        if (access.admin()) {
            return;
        }
        if (access.regional()) {
            where.append(" and (homeRegion like :scope or treatmentRegion like :scope)");
            params.and("scope", access.scope().listingPrefix() + "%");
        } else if (access.institution().isPresent()) {
            where.append(" and institutionCode = :own and treatmentRegion like :scope");
            params.and("own", access.institution().get()).and("scope", access.scope().listingPrefix() + "%");
        } else {
            where.append(" and 1 = 0");
        }
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(CHINA).toInstant();
    }
}
