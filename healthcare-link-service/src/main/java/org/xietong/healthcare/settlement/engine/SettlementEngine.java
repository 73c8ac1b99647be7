package org.xietong.healthcare.settlement.engine;

import org.xietong.platform.region.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settles one bill by the national rule 就医地目录、参保地政策: the treatment region's catalog decides what is eligible,
 * the home region's policy how much each fund pays, in this order: basic insurance, serious-illness insurance,
 * medical assistance, local fallback; the patient pays the rest. Every part is rounded to the fen on its own and the
 * patient's share is what remains, so the parts always add up to the total.
 * <p>
 * Yearly sums are the person's, across policy lines: the basic fund paid this year is held against the yearly
 * ceiling of the line a bill falls under (统筹基金年度最高支付限额), and yearly deductibles of all lines count
 * against one sum; a per-admission deductible applies to its bill alone.
 */
public final class SettlementEngine {

    private static final Pattern REGION = Pattern.compile("[1-9][0-9]{5}");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /**
     * @param catalog   the treatment region's catalog by item code
     * @param before    the person's accumulators for the visit's year before this bill
     * @param today     visits after this day are refused
     */
    public Settlement settle(Bill bill, SettlementPolicy policy, Function<String, Optional<CatalogItem>> catalog,
                             Accumulators before, LocalDate today) {
        validate(bill, today);
        Insured insured = bill.insured();
        Visit visit = bill.visit();
        Map<String, String> why = new LinkedHashMap<>();
        // The same explanations without the person's yearly figures, for callers who are not on the home side.
        Map<String, String> billOnly = new LinkedHashMap<>();

        BigDecimal total = Money.ZERO;
        BigDecimal eligible = Money.ZERO;
        BigDecimal outOfScope = Money.ZERO;
        BigDecimal selfPaidB = Money.ZERO;
        List<LineResult> lines = new ArrayList<>(bill.lines().size());
        for (BillLine line : bill.lines()) {
            CatalogItem item = catalog.apply(line.itemCode()).orElseThrow(() -> BillException.invalid("unknown-item",
                    "Item " + line.itemCode() + " is not in the catalog of treatment region " + visit.treatmentRegion()));
            BigDecimal amount = Money.fen(line.amount());
            BigDecimal lineEligible = switch (item.itemClass()) {
                case A -> amount;
                case B -> amount.subtract(Money.percentOf(amount, item.selfPayPercent()));
                case C -> Money.ZERO;
            };
            BigDecimal lineOut = amount.subtract(lineEligible);
            if (item.itemClass() == ItemClass.B) {
                selfPaidB = selfPaidB.add(lineOut);
            }
            lines.add(new LineResult(item.code(), item.itemClass(), amount, lineEligible, lineOut));
            total = total.add(amount);
            eligible = eligible.add(lineEligible);
            outOfScope = outOfScope.add(lineOut);
        }
        both(why, billOnly, "total", "sum of " + lines.size() + " line(s)");
        both(why, billOnly, "outOfScope", "class C items not covered, and class B items' first self-pay part ("
                + selfPaidB + ") in the catalog of treatment region " + visit.treatmentRegion());
        both(why, billOnly, "eligible", "class A items in full and class B items after their first self-pay ratio");

        SettlementPolicy.Line line = policy.line(insured.scheme(), visit.kind(), visit.institutionTier())
                .orElseThrow(() -> BillException.unanswerable("no-policy-line", "Home region " + insured.homeRegion()
                        + " has no policy line for " + insured.scheme() + "/" + visit.kind() + " at tier "
                        + visit.institutionTier()));

        BigDecimal deductible;
        if (line.deductibleBasis() == DeductibleBasis.PER_ADMISSION) {
            deductible = Money.min(eligible, Money.fen(line.deductible()));
            both(why, billOnly, "deductible", "policy line " + line.describe() + ": " + line.deductible() + " per admission");
        } else {
            BigDecimal left = Money.nonNegative(Money.fen(line.deductible()).subtract(before.deductibleUsed()));
            deductible = Money.min(eligible, left);
            why.put("deductible", "policy line " + line.describe() + ": " + line.deductible() + " per year, "
                    + before.deductibleUsed() + " already used this year, " + left + " left before this bill");
            billOnly.put("deductible", "policy line " + line.describe() + ": " + line.deductible() + " per year, "
                    + "counted against the person's yearly sum (held by the home region); this bill: " + deductible);
        }

        BigDecimal reduction = switch (visit.crossRegionKind()) {
            case LOCAL, REGISTERED -> BigDecimal.ZERO;
            case REFERRAL, EMERGENCY -> line.referralReductionPoints();
            case TEMPORARY -> line.temporaryReductionPoints();
        };
        BigDecimal rate = line.ratePercent().subtract(reduction).max(BigDecimal.ZERO);
        BigDecimal claimed = Money.percentOf(eligible.subtract(deductible), rate);
        BigDecimal ceilingLeft = Money.nonNegative(Money.fen(line.yearlyCeiling()).subtract(before.basicFundUsed()));
        BigDecimal basicFund = Money.min(claimed, ceilingLeft);
        why.put("basicFund", "policy line " + line.describe() + ": " + strip(rate) + " % (" + strip(line.ratePercent())
                + " % less " + strip(reduction) + " points for " + visit.crossRegionKind() + ") of "
                + eligible.subtract(deductible) + " = " + claimed + "; yearly ceiling " + line.yearlyCeiling() + ", "
                + before.basicFundUsed() + " used before, " + ceilingLeft + " left"
                + (basicFund.compareTo(claimed) < 0 ? " — ceiling reached" : ""));
        billOnly.put("basicFund", "policy line " + line.describe() + ": " + strip(rate) + " % ("
                + strip(line.ratePercent()) + " % less " + strip(reduction) + " points for " + visit.crossRegionKind()
                + ") of " + eligible.subtract(deductible) + " = " + claimed + ", within the yearly ceiling "
                + line.yearlyCeiling() + " (the person's use of it is held by the home region); this bill: " + basicFund);

        BigDecimal burden = eligible.subtract(basicFund);
        BigDecimal seriousIllness = Money.ZERO;
        BigDecimal burdenAfter = before.seriousBurden().add(burden);
        Optional<SettlementPolicy.SeriousIllness> serious = policy.seriousIllness(insured.scheme());
        if (serious.isPresent()) {
            SettlementPolicy.SeriousIllness rule = serious.get();
            BigDecimal threshold = Money.fen(rule.yearlyThreshold());
            BigDecimal from = Money.nonNegative(before.seriousBurden().subtract(threshold));
            BigDecimal to = Money.nonNegative(burdenAfter.subtract(threshold));
            BigDecimal tiered = Money.fen(tiered(rule, from, to));
            BigDecimal capLeft = Money.nonNegative(Money.fen(rule.yearlyCap()).subtract(before.seriousPaid()));
            seriousIllness = Money.min(tiered, capLeft);
            why.put("seriousIllness", "serious-illness insurance: personal eligible burden " + burden
                    + " brings the year's burden from " + before.seriousBurden() + " to " + burdenAfter
                    + "; above the threshold " + threshold + " from " + from + " to " + to + " at tiers "
                    + describe(rule) + " = " + tiered + "; yearly cap " + rule.yearlyCap() + ", " + before.seriousPaid()
                    + " paid before, " + capLeft + " left");
            billOnly.put("seriousIllness", "serious-illness insurance: personal eligible burden " + burden
                    + " added to the year's burden (held by the home region); above the threshold " + threshold
                    + " at tiers " + describe(rule) + ", yearly cap " + rule.yearlyCap() + "; this bill: " + seriousIllness);
        } else {
            both(why, billOnly, "seriousIllness", "home region " + insured.homeRegion()
                    + " has no serious-illness insurance for " + insured.scheme());
        }

        BigDecimal remaining = burden.subtract(seriousIllness);
        BigDecimal assistance = Money.ZERO;
        Optional<SettlementPolicy.Assistance> help = policy.assistance(insured.assistanceCategory());
        if (help.isPresent()) {
            SettlementPolicy.Assistance rule = help.get();
            BigDecimal due = Money.percentOf(remaining, rule.ratePercent());
            BigDecimal capLeft = Money.nonNegative(Money.fen(rule.yearlyCap()).subtract(before.assistancePaid()));
            assistance = Money.min(due, capLeft);
            why.put("medicalAssistance", "assistance category " + rule.category() + ": " + strip(rule.ratePercent())
                    + " % of the remaining eligible burden " + remaining + " = " + due + "; yearly cap "
                    + rule.yearlyCap() + ", " + before.assistancePaid() + " paid before, " + capLeft + " left"
                    + (assistance.compareTo(due) < 0 ? " — cap reached" : ""));
            billOnly.put("medicalAssistance", "assistance category " + rule.category() + ": "
                    + strip(rule.ratePercent()) + " % of the remaining eligible burden " + remaining + " = " + due
                    + ", within the yearly cap " + rule.yearlyCap() + " (the person's use of it is held by the home "
                    + "region); this bill: " + assistance);
        } else {
            both(why, billOnly, "medicalAssistance", insured.assistanceCategory() == null ? "no assistance category"
                    : "home region " + insured.homeRegion() + " has no assistance for category " + insured.assistanceCategory());
        }

        BigDecimal wouldPay = total.subtract(basicFund).subtract(seriousIllness).subtract(assistance);
        BigDecimal fallback = Money.ZERO;
        Optional<SettlementPolicy.SafetyNet> local = policy.safetyNet(visit.serviceType(), visit.institutionCode());
        if (local.isPresent()) {
            SettlementPolicy.SafetyNet rule = local.get();
            BigDecimal copay = Money.fen(rule.copayPerSession().multiply(BigDecimal.valueOf(visit.sessions())));
            fallback = Money.nonNegative(wouldPay.subtract(copay));
            both(why, billOnly, "fallback", "fallback rule " + rule.serviceType() + " at "
                    + (rule.institutionCode() == null ? "any institution" : rule.institutionCode()) + ": copay "
                    + rule.copayPerSession() + " × " + visit.sessions() + " session(s) = " + copay
                    + "; the fund pays the rest of " + wouldPay);
        } else {
            both(why, billOnly, "fallback", "no fallback rule for service type " + visit.serviceType() + " at " + visit.institutionCode());
        }
        BigDecimal patientPays = wouldPay.subtract(fallback);
        both(why, billOnly, "patientPays", "total less basic fund, serious-illness insurance, medical assistance and fallback");

        // An admission's deductible is its own; only a yearly one counts against the next bills of the year.
        BigDecimal yearlyDeductible = line.deductibleBasis() == DeductibleBasis.PER_YEAR ? deductible : Money.ZERO;
        Accumulators after = new Accumulators(before.deductibleUsed().add(yearlyDeductible),
                before.basicFundUsed().add(basicFund), burdenAfter, before.seriousPaid().add(seriousIllness),
                before.assistancePaid().add(assistance), before.fallbackPaid().add(fallback));
        return new Settlement(total, outOfScope, eligible, deductible, basicFund, seriousIllness, assistance, fallback,
                patientPays, why, billOnly, lines, visit.date().getYear(), before, after);
    }

    private static void both(Map<String, String> why, Map<String, String> billOnly, String figure, String text) {
        why.put(figure, text);
        billOnly.put(figure, text);
    }

    /** Pays each tier's rate on the part of [from, to) that falls in it. */
    private static BigDecimal tiered(SettlementPolicy.SeriousIllness rule, BigDecimal from, BigDecimal to) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (SettlementPolicy.Tier tier : rule.tiers()) {
            BigDecimal upper = tier.upTo();
            BigDecimal start = from.max(lower);
            BigDecimal end = upper == null ? to : to.min(upper);
            if (end.compareTo(start) > 0) {
                paid = paid.add(end.subtract(start).multiply(tier.ratePercent()).divide(HUNDRED));
            }
            if (upper == null) {
                break;
            }
            lower = upper;
        }
        return paid;
    }

    private static String describe(SettlementPolicy.SeriousIllness rule) {
        StringBuilder text = new StringBuilder();
        BigDecimal lower = BigDecimal.ZERO;
        for (SettlementPolicy.Tier tier : rule.tiers()) {
            text.append(text.length() == 0 ? "" : ", ").append(strip(lower)).append("–")
                    .append(tier.upTo() == null ? "" : strip(tier.upTo())).append(" ").append(strip(tier.ratePercent()))
                    .append(" %");
            if (tier.upTo() == null) {
                break;
            }
            lower = tier.upTo();
        }
        return text.toString();
    }

    private static String strip(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** Basic insurance pools by city; the four municipalities pool city-wide. */
    public static boolean samePoolingArea(String home, String treatment) {
        return RegionCode.poolingPrefix(home).equals(RegionCode.poolingPrefix(treatment));
    }

    private static void validate(Bill bill, LocalDate today) {
        if (bill.insured() == null || bill.visit() == null || bill.lines() == null || bill.lines().isEmpty()) {
            throw BillException.invalid("invalid-bill", "A bill needs the insured, the visit and at least one line");
        }
        Insured insured = bill.insured();
        Visit visit = bill.visit();
        if (insured.personId() == null || insured.personId().isBlank()) {
            throw BillException.invalid("invalid-bill", "personId is missing");
        }
        requireRegion("homeRegion", insured.homeRegion());
        requireRegion("treatmentRegion", visit.treatmentRegion());
        if (insured.scheme() == null || visit.kind() == null || visit.crossRegionKind() == null || visit.date() == null
                || visit.institutionCode() == null) {
            throw BillException.invalid("invalid-bill", "scheme, visit kind, cross-region kind, date and institution are required");
        }
        if (visit.crossRegionKind() == CrossRegionKind.LOCAL && !samePoolingArea(insured.homeRegion(), visit.treatmentRegion())) {
            throw BillException.invalid("not-local", "A visit in " + visit.treatmentRegion() + " is not LOCAL for a person "
                    + "insured in " + insured.homeRegion() + "; say REGISTERED, REFERRAL, EMERGENCY or TEMPORARY");
        }
        if (visit.date().isAfter(today)) {
            throw BillException.invalid("visit-in-future", "The visit date " + visit.date() + " is in the future");
        }
        if (visit.sessions() < 1) {
            throw BillException.invalid("invalid-bill", "sessions must be at least 1");
        }
        for (BillLine line : bill.lines()) {
            if (line == null || line.itemCode() == null || line.amount() == null) {
                throw BillException.invalid("invalid-bill", "Every line needs an item code and an amount");
            }
            if (line.amount().signum() < 0) {
                throw BillException.invalid("negative-amount", "Line " + line.itemCode() + " has a negative amount "
                        + line.amount().toPlainString());
            }
            if (line.amount().scale() > 2 || line.amount().precision() - line.amount().scale() > 10) {
                throw BillException.invalid("invalid-amount", "Line " + line.itemCode()
                        + " must be yuan with at most two decimals and ten digits");
            }
        }
    }

    private static void requireRegion(String field, String code) {
        if (code == null || !REGION.matcher(code).matches()) {
            throw BillException.invalid("invalid-region", field + " '" + code + "' is not a 6-digit GB/T 2260 region code");
        }
    }
}
