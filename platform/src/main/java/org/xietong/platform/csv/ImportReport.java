package org.xietong.platform.csv;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a CSV import did: counts, and the line and reason of every rejected row. */
public record ImportReport(ImportMode mode, boolean committed, int rows, int created, int updated, int unchanged,
                           int rejected,
                           // One per rejected row, and an import holds at most xietong.csv-import.max-rows (10,000).
                           @Schema(maxItems = 10_000) List<RowError> errors) {

    public record RowError(int line, @Schema(maxLength = 100) String code, @Schema(maxLength = 1000) String reason) {
    }
}
