package org.xietong.rotation.teacher;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Professional title (职称), lowest first: 三级, 二级, 一级, 高级, 正高级. */
@Schema(name = "TeacherTitle")
public enum Title {
    THIRD, SECOND, FIRST, SENIOR, PROFESSOR;

    public boolean atLeast(Title minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }
}
