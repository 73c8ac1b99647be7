package org.xietong.rotation.teacher;

/** The school stage a teacher teaches and a post needs. */
public enum TeachingLevel {
    PRIMARY, JUNIOR, SENIOR
}
