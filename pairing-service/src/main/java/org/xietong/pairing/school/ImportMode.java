package org.xietong.pairing.school;

import java.util.Locale;

/** ALL_OR_NOTHING stores nothing if any row is rejected; PER_ROW stores the good rows and reports the rest. */
public enum ImportMode {
    ALL_OR_NOTHING, PER_ROW;

    /** Accepts all-or-nothing / per-row as well as the constant names. */
    public static ImportMode fromString(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
