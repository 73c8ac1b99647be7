package org.xietong.pairing.activity;

/** 研学 study trip, 实训 teacher training, 跟岗/听评课 shadowing, 名师讲堂 lecture, 游学 student visit, 劳动实践, 阅读, other. */
public enum ActivityKind {
    STUDY_TRIP, TEACHER_TRAINING, SHADOWING, LECTURE, STUDENT_VISIT, LABOR_PRACTICE, READING, OTHER
}
