package org.xietong.healthcare.expert;

/**
 * A schedule of an expert of the scheduler's own region is ACTIVE at once; one of another region's expert is
 * PENDING, without sessions, until a health officer of the expert's region accepts (ACTIVE) or declines it. Either
 * side may cancel it later (CANCELLED): its coming sessions are cancelled, its past ones stay.
 */
public enum ScheduleStatus {
    PENDING, ACTIVE, DECLINED, CANCELLED
}
