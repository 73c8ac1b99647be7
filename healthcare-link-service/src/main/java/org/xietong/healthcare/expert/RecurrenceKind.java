package org.xietong.healthcare.expert;

/** Every week on a weekday, every N days from the start date (e.g. 14: 每半月), or a list of dates. */
public enum RecurrenceKind {
    WEEKLY, EVERY_N_DAYS, DATES
}
