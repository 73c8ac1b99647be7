package org.xietong.pairing.agreement;

import java.util.EnumSet;
import java.util.Set;

/**
 * A pairing's lifecycle. Renewal gives an active pairing a new term and keeps it ACTIVE; a proposal either side
 * turns down ends REJECTED.
 */
public enum PairingStatus {
    PROPOSED, ACTIVE, SUSPENDED, CONCLUDED, REJECTED;

    /** Open pairings count against the one-pairing-per-pair rule. */
    public static final Set<PairingStatus> OPEN = EnumSet.of(PROPOSED, ACTIVE, SUSPENDED);
}
