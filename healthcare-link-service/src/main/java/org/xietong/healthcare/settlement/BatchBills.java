package org.xietong.healthcare.settlement;

import java.io.IOException;

/** Bills read one at a time from a batch body. */
interface BatchBills {

    /** The next bill, or null at the end. */
    BatchSettlement.Item next() throws IOException;
}
