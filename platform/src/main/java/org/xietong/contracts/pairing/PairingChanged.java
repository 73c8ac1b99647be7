package org.xietong.contracts.pairing;

import java.time.LocalDate;
import java.util.List;

/**
 * A pairing as it is after one of its transitions; the CloudEvents type says which transition. Key and subject:
 * the pairing id. Parties are school codes, or region codes for REGION pairings.
 */
public record PairingChanged(String id, String kind, String status, String supportingParty, String supportedParty,
                             String supportingRegion, String supportedRegion, LocalDate termStart, LocalDate termEnd) {

    public static final String PROPOSED = "org.xietong.pairing.pairing.proposed.v1";
    /** One side's officer approved; the pairing stays PROPOSED until both have. */
    public static final String APPROVED = "org.xietong.pairing.pairing.approved.v1";
    public static final String ACTIVATED = "org.xietong.pairing.pairing.activated.v1";
    public static final String SUSPENDED = "org.xietong.pairing.pairing.suspended.v1";
    public static final String RESUMED = "org.xietong.pairing.pairing.resumed.v1";
    public static final String RENEWED = "org.xietong.pairing.pairing.renewed.v1";
    public static final String CONCLUDED = "org.xietong.pairing.pairing.concluded.v1";
    /** A side's officer turned the proposal down (the reason is in the audit trail, not the event). */
    public static final String REJECTED = "org.xietong.pairing.pairing.rejected.v1";
    public static final List<String> TYPES = List.of(PROPOSED, APPROVED, ACTIVATED, SUSPENDED, RESUMED, RENEWED, CONCLUDED,
            REJECTED);
}
