package org.xietong.rotation.teacher;

/** Professional title (职称), lowest first: 三级, 二级, 一级, 高级, 正高级. */
public enum Title {
    THIRD, SECOND, FIRST, SENIOR, PROFESSOR;

    public boolean atLeast(Title minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }
}
