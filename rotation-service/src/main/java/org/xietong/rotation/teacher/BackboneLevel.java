package org.xietong.rotation.teacher;

/** Backbone-teacher level (骨干教师), lowest first: none, school, district, municipal, 学科带头人, 特级教师. */
public enum BackboneLevel {
    NONE, SCHOOL, DISTRICT, MUNICIPAL, SUBJECT_LEADER, SPECIAL_GRADE;

    public boolean atLeast(BackboneLevel minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }

    /** Counted as a backbone teacher in the statistics (district level and above, as Beijing reports it). */
    public boolean isBackbone() {
        return compareTo(DISTRICT) >= 0;
    }
}
