package org.xietong.pairing.agreement;

import org.xietong.contracts.pairing.PairingChanged;

import java.util.Set;

/** What officers do to a pairing, the states each action starts from, and the event it publishes. */
public enum PairingAction {
    SUSPEND(Set.of(PairingStatus.ACTIVE), PairingStatus.SUSPENDED, PairingChanged.SUSPENDED),
    RESUME(Set.of(PairingStatus.SUSPENDED), PairingStatus.ACTIVE, PairingChanged.RESUMED),
    RENEW(Set.of(PairingStatus.ACTIVE), PairingStatus.ACTIVE, PairingChanged.RENEWED),
    CONCLUDE(Set.of(PairingStatus.PROPOSED, PairingStatus.ACTIVE, PairingStatus.SUSPENDED), PairingStatus.CONCLUDED,
            PairingChanged.CONCLUDED),
    REJECT(Set.of(PairingStatus.PROPOSED), PairingStatus.REJECTED, PairingChanged.REJECTED);

    private final Set<PairingStatus> from;
    private final PairingStatus to;
    private final String event;

    PairingAction(Set<PairingStatus> from, PairingStatus to, String event) {
        this.from = from;
        this.to = to;
        this.event = event;
    }

    /** Renewing and resuming bind both sides again, so both must agree; either side may suspend, conclude or reject. */
    public boolean needsBothSides() {
        return this == RESUME || this == RENEW;
    }

    public boolean allowedFrom(PairingStatus status) {
        return from.contains(status);
    }

    public PairingStatus target() {
        return to;
    }

    public String eventType() {
        return event;
    }
}
