package org.xietong.pairing.school;

/**
 * What a school teaches. Compulsory education (义务教育): primary, junior, nine-year (九年一贯制), complete secondary
 * (完全中学, which has junior grades) and special education (特殊教育) schools. Primary and secondary schools (中小学,
 * the denominator of group-schooling figures): primary, junior, nine-year, complete secondary and senior schools.
 */
public enum SchoolLevel {
    PRIMARY(true, true), JUNIOR(true, true), NINE_YEAR(true, true), COMPLETE_SECONDARY(true, true),
    SENIOR(false, true), SPECIAL_EDUCATION(true, false), KINDERGARTEN(false, false), VOCATIONAL(false, false),
    UNIVERSITY(false, false);

    private final boolean compulsory;
    private final boolean primaryOrSecondary;

    SchoolLevel(boolean compulsory, boolean primaryOrSecondary) {
        this.compulsory = compulsory;
        this.primaryOrSecondary = primaryOrSecondary;
    }

    public boolean compulsory() {
        return compulsory;
    }

    /** One of the 中小学 that group-schooling (集团化办学) figures count. */
    public boolean primaryOrSecondary() {
        return primaryOrSecondary;
    }
}
