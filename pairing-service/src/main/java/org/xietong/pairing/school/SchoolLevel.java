package org.xietong.pairing.school;

/** What a school teaches; primary, junior and nine-year schools are compulsory education (义务教育). */
public enum SchoolLevel {
    PRIMARY(true), JUNIOR(true), NINE_YEAR(true), SENIOR(false), VOCATIONAL(false), UNIVERSITY(false);

    private final boolean compulsory;

    SchoolLevel(boolean compulsory) {
        this.compulsory = compulsory;
    }

    public boolean compulsory() {
        return compulsory;
    }
}
