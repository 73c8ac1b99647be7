package org.xietong.contracts.pairing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An activity recorded by mistake was withdrawn, with the reason (type {@value #TYPE}); it stays in the ledger and
 * no longer counts. Key and subject: the host's id or region code; exactly one of {@code pairingId},
 * {@code allianceId} and {@code hostRegion} is set.
 */
public record ActivityWithdrawn(String id, String pairingId, String allianceId, String hostRegion, String kind,
                                LocalDate startDate, LocalDate endDate, String reason, Instant withdrawnAt) {

    public static final String TYPE = "org.xietong.pairing.activity.withdrawn.v1";
}
