package org.xietong.healthcare.expert;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;

/** Clinic dates are local to China: "today" decides what is in the past. */
@ApplicationScoped
public class ClinicCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
