package org.xietong.healthcare.settlement.engine;

/** Whether the deductible (起付线) applies to each admission or once a year. */
public enum DeductibleBasis {
    PER_ADMISSION, PER_YEAR
}
