package org.xietong.rotation.teacher;

/** ACTIVE teachers take part in rotation; those on LEAVE are exempt for as long as they are. */
public enum TeacherStatus {
    ACTIVE, LEAVE
}
