package org.xietong.healthcare.safetynet;

import jakarta.enterprise.context.ApplicationScoped;
import org.xietong.healthcare.institution.Institution;
import org.xietong.healthcare.institution.InstitutionRepository;
import org.xietong.healthcare.settlement.CatalogService;
import org.xietong.healthcare.settlement.SettlementPolicyService;
import org.xietong.healthcare.settlement.engine.CatalogItem;
import org.xietong.healthcare.settlement.engine.SettlementPolicy;
import org.xietong.healthcare.settlement.engine.VisitKind;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Resolves a cohort against the stored policy, registry and catalog prices, then forecasts it. */
@ApplicationScoped
public class SafetyNetForecastService {

    private final SettlementPolicyService policies;
    private final CatalogService catalogs;
    private final InstitutionRepository institutions;
    private final Caller caller;
    private final SafetyNetForecaster forecaster = new SafetyNetForecaster();

    public SafetyNetForecastService(SettlementPolicyService policies, CatalogService catalogs, InstitutionRepository institutions,
                                   Caller caller) {
        this.policies = policies;
        this.catalogs = catalogs;
        this.institutions = institutions;
        this.caller = caller;
    }

    public SafetyNetForecaster.Forecast forecast(ForecastRequest request) {
        String home = request.homeRegion();
        caller.scope().requireWritable(caller.scope().covers(home), "region " + home);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = request.year() != null ? request.year() : today.getYear();
        // The year's rules: those in force today for the current year, on 1 January for another year.
        LocalDate day = year == today.getYear() ? today : LocalDate.of(year, 1, 1);
        SettlementPolicy policy = policies.find(home, day).map(SettlementPolicyService.Effective::policy)
                .orElseThrow(() -> unanswerable("no-settlement-policy", "Home region " + home
                        + " has no settlement policy in force on " + day));
        List<SafetyNetForecaster.Group> groups = request.groups().stream().map(g -> resolve(g, day)).toList();
        return forecaster.forecast(home, year, policy, groups);
    }

    private SafetyNetForecaster.Group resolve(ForecastRequest.Group group, LocalDate day) {
        Institution institution = institutions.findById(group.institutionCode());
        if (institution == null) {
            throw unanswerable("unknown-institution", "Institution " + group.institutionCode() + " is not registered");
        }
        CatalogItem item = catalogs.find(institution.regionCode, group.itemCode(), day)
                .orElseThrow(() -> unanswerable("unknown-item", "Item " + group.itemCode() + " is not in the catalog of "
                        + institution.regionCode));
        if (item.unitPrice() == null) {
            throw unanswerable("no-unit-price", "Item " + item.code() + " has no unit price in the catalog of "
                    + institution.regionCode);
        }
        return new SafetyNetForecaster.Group(group.label(), group.patients(), group.scheme(), group.assistanceCategory(),
                group.serviceType(), group.kind() == null ? VisitKind.SPECIAL_CHRONIC : group.kind(), institution.code,
                institution.regionCode, institution.level.tier(), item, group.sessionsPerYear());
    }

    private static ProblemException unanswerable(String slug, String detail) {
        return ProblemException.unprocessable(slug, "Cannot forecast", detail);
    }
}
