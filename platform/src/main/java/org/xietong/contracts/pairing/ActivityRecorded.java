package org.xietong.contracts.pairing;

import java.time.LocalDate;
import java.util.List;

/** Paired schools did something together (type {@value #TYPE}). Key and subject: the pairing id. */
public record ActivityRecorded(String id, String pairingId, String kind, LocalDate startDate, LocalDate endDate,
                               List<String> schools, Integer students, Integer teachers, Integer classes) {

    public static final String TYPE = "org.xietong.pairing.activity.recorded.v1";
}
