package org.xietong.platform.csv;

/** ALL_OR_NOTHING stores nothing if any row is rejected; PER_ROW stores the good rows and reports the rest. */
public enum ImportMode {
    ALL_OR_NOTHING, PER_ROW
}
