package org.xietong.contracts.pairing;

import java.time.LocalDate;
import java.util.List;

/**
 * Schools of a pairing, an alliance (or school district) or a region did something together (type {@value #TYPE}).
 * Key and subject: the host's id or region code; exactly one of {@code pairingId}, {@code allianceId} and
 * {@code hostRegion} is set.
 */
public record ActivityRecorded(String id, String pairingId, String allianceId, String hostRegion, String kind,
                               LocalDate startDate, LocalDate endDate, List<String> schools, Integer students, Integer teachers, Integer classes) {

    public static final String TYPE = "org.xietong.pairing.activity.recorded.v1";
}
