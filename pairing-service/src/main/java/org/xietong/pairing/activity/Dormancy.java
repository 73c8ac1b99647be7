package org.xietong.pairing.activity;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/** A pairing is dormant when nothing happened for a while: no activity since the threshold, or none ever. */
public final class Dormancy {

    private Dormancy() {
    }

    /** The day activity was last seen: the latest activity's end, or else the day the pairing became active. */
    public static LocalDate lastSign(LocalDate activeSince, LocalDate lastActivityEnd) {
        return lastActivityEnd != null && lastActivityEnd.isAfter(activeSince) ? lastActivityEnd : activeSince;
    }

    public static boolean isDormant(LocalDate today, LocalDate lastSign, Period threshold) {
        return lastSign.plus(threshold).isBefore(today);
    }

    public static long idleDays(LocalDate today, LocalDate lastSign) {
        return Math.max(0, ChronoUnit.DAYS.between(lastSign, today));
    }
}
