package org.xietong.pairing.agreement;

/**
 * HAND_IN_HAND: an urban school supports a township or rural school of the same province (手拉手);
 * CROSS_REGION: schools of different provinces (Beijing–Inner Mongolia); VOCATIONAL and UNIVERSITY: institutions
 * of that level; REGION: a district supports a county (区县结对), the parties are region codes.
 */
public enum PairingKind {
    HAND_IN_HAND, CROSS_REGION, VOCATIONAL, UNIVERSITY, REGION;

    public boolean betweenRegions() {
        return this == REGION;
    }
}
