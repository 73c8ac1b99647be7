package org.xietong.rotation.teacher;

/** A school leader's post: 校长 or 副校长. They rotate after two consecutive terms at one school. */
public enum LeadershipPosition {
    PRINCIPAL, VICE_PRINCIPAL
}
