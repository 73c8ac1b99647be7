package org.xietong.healthcare.settlement.engine;

/** Outpatient, inpatient, or outpatient care for a designated chronic or special disease (门诊慢特病, e.g. dialysis). */
public enum VisitKind {
    OUTPATIENT, INPATIENT, SPECIAL_CHRONIC
}
