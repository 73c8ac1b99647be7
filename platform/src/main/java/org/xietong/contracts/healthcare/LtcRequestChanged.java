package org.xietong.contracts.healthcare;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A cross-region long-term-care assessment request as it is after one step: requested by the home insurer, assessed
 * by an accredited institution where the person lives, recognised (automatically under an agreement, or by hand)
 * or rejected by the home insurer. {@code personRef} is the home insurer's opaque reference, never a name or ID
 * number. Key and subject: the request id; visible in both regions' exchange feeds.
 */
public record LtcRequestChanged(String id, String personRef, String homeRegion, String residenceRegion,
                                String assessorInstitution, String status, Integer grade, BigDecimal monthlyBenefit,
                                String recognition, Instant dueAt) {

    public static final String REQUESTED = "org.xietong.healthcare.ltc.requested.v1";
    public static final String ASSESSED = "org.xietong.healthcare.ltc.assessed.v1";
    public static final String RECOGNISED = "org.xietong.healthcare.ltc.recognised.v1";
    public static final String REJECTED = "org.xietong.healthcare.ltc.rejected.v1";
    /** The assessor corrected its result; the request is ASSESSED again with it (and recognised anew if agreed). */
    public static final String CORRECTED = "org.xietong.healthcare.ltc.corrected.v1";
    /** The home insurer asked for a re-assessment (复评); the recognised grade and benefit stay until the new result. */
    public static final String REASSESSMENT_REQUESTED = "org.xietong.healthcare.ltc.reassessment-requested.v1";
    public static final List<String> TYPES = List.of(REQUESTED, ASSESSED, RECOGNISED, REJECTED, CORRECTED,
            REASSESSMENT_REQUESTED);
}
