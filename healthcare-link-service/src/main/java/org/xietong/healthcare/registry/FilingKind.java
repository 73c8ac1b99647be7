package org.xietong.healthcare.registry;

import org.xietong.healthcare.settlement.engine.CrossRegionKind;

/**
 * The kinds of 异地就医备案 a home insurer files: long-term residence elsewhere (异地长期居住), a retiree resettled
 * elsewhere (异地安置退休), a work posting (常驻异地工作), a referral (异地转诊) and another temporary stay
 * (其他临时外出就医). The first three count as REGISTERED, as settlement rules treat them alike.
 */
public enum FilingKind {
    LONG_TERM_RESIDENCE(CrossRegionKind.REGISTERED),
    RELOCATED_RETIREE(CrossRegionKind.REGISTERED),
    WORK_POSTING(CrossRegionKind.REGISTERED),
    REFERRAL(CrossRegionKind.REFERRAL),
    TEMPORARY_STAY(CrossRegionKind.TEMPORARY);

    private final CrossRegionKind crossRegionKind;

    FilingKind(CrossRegionKind crossRegionKind) {
        this.crossRegionKind = crossRegionKind;
    }

    /** The cross-region kind a visit covered by such a filing settles as. */
    public CrossRegionKind crossRegionKind() {
        return crossRegionKind;
    }

    /** Referrals and temporary stays end; residence, resettlement and postings may be open-ended. */
    public boolean needsEnd() {
        return this == REFERRAL || this == TEMPORARY_STAY;
    }
}
