package org.xietong.contracts.pairing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An activity recorded by mistake was withdrawn, with the reason (type {@value #TYPE}); it stays in the ledger and
 * no longer counts. Key and subject: the pairing id.
 */
public record ActivityWithdrawn(String id, String pairingId, String kind, LocalDate startDate, LocalDate endDate,
                                String reason, Instant withdrawnAt) {

    public static final String TYPE = "org.xietong.pairing.activity.withdrawn.v1";
}
