package org.xietong.platform.csv;

import org.xietong.platform.api.QueryParams;

/** ALL_OR_NOTHING stores nothing if any row is rejected; PER_ROW stores the good rows and reports the rest. */
public enum ImportMode {
    ALL_OR_NOTHING, PER_ROW;

    /** The {@code mode} query parameter: case-insensitive, "per-row" read as PER_ROW, ALL_OR_NOTHING when absent. */
    public static ImportMode of(String mode) {
        ImportMode parsed = mode == null ? null : QueryParams.enumOf(ImportMode.class, mode.replace('-', '_'), "mode");
        return parsed == null ? ALL_OR_NOTHING : parsed;
    }
}
