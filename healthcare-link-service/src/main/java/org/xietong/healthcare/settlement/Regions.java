package org.xietong.healthcare.settlement;

import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;

import java.util.List;
import java.util.stream.Stream;

/** Region codes in paths, and the district → city → province chain that catalogs and policies inherit along. */
final class Regions {

    private Regions() {
    }

    static void require(String regionCode) {
        if (!RegionCode.isValid(regionCode)) {
            throw ProblemException.badRequest("invalid-region", "Invalid region code",
                    "'" + regionCode + "' is not a 6-digit GB/T 2260 region code");
        }
    }

    static List<String> chain(String regionCode) {
        return Stream.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")
                .distinct().toList();
    }
}
