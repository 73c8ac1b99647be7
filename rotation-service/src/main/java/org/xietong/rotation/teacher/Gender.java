package org.xietong.rotation.teacher;

public enum Gender {
    MALE, FEMALE
}
