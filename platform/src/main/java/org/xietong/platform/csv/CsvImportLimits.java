package org.xietong.platform.csv;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Caps on one CSV import, enforced while its rows are read: an import is one transaction, so it must stay small. */
@ConfigMapping(prefix = "xietong.csv-import")
public interface CsvImportLimits {

    /** Rows of one import, header and blank lines not counted; more is a 413 problem naming the cap. */
    @WithDefault("10000")
    int maxRows();

    /** Characters of one record (its fields and separators); more is a 413 problem naming the cap and the line. */
    @WithDefault("4096")
    int maxRecordChars();
}
