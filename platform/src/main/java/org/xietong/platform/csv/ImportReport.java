package org.xietong.platform.csv;

import java.util.List;

/** What a CSV import did: counts, and the line and reason of every rejected row. */
public record ImportReport(ImportMode mode, boolean committed, int rows, int created, int updated, int unchanged,
                           int rejected, List<RowError> errors) {

    public record RowError(int line, String code, String reason) {
    }
}
