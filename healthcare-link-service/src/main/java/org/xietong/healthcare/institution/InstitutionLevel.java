package org.xietong.healthcare.institution;

/** Hospital grade (医院等级): tier 1–3 (一级/二级/三级) and class A–C (甲/乙/丙); UNRATED for clinics and others. */
public enum InstitutionLevel {
    ONE_A(1), ONE_B(1), ONE_C(1), TWO_A(2), TWO_B(2), TWO_C(2), THREE_A(3), THREE_B(3), THREE_C(3), UNRATED(0);

    private final int tier;

    InstitutionLevel(int tier) {
        this.tier = tier;
    }

    /** 1, 2 or 3; 0 when unrated. Settlement policies differ by tier. */
    public int tier() {
        return tier;
    }
}
