package org.xietong.contracts.healthcare;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A cross-region settlement: recorded (visible to the home side alone, which reimburses it), or corrected: reversed
 * (冲正) with the reason, or settled again because an earlier bill of the same person and year was reversed
 * ({@code replaces} names the row it supersedes; corrections are visible in both regions' feeds, since either side's
 * insurer may make them). The figures are the bill's own (each fund's part and the patient's), never the person's
 * yearly sums, and there is no person id: the home side matches {@code billId} or {@code id}. Key and subject: the
 * settlement id.
 */
public record SettlementChanged(String id, String billId, String homeRegion, String treatmentRegion,
                                String institutionCode, LocalDate visitDate, String status, BigDecimal total,
                                BigDecimal basicFund, BigDecimal seriousIllness, BigDecimal medicalAssistance,
                                BigDecimal fallback, BigDecimal patientPays, String reason, String replaces,
                                Instant changedAt) {

    public static final String RECORDED = "org.xietong.healthcare.settlement.recorded.v1";
    public static final String REVERSED = "org.xietong.healthcare.settlement.reversed.v1";
    public static final String RESETTLED = "org.xietong.healthcare.settlement.resettled.v1";
    public static final List<String> TYPES = List.of(RECORDED, REVERSED, RESETTLED);
}
