package org.xietong.healthcare.registry;

import org.xietong.platform.region.RegionCode;
import org.xietong.platform.security.RegionScope;

/** GB/T 2260 codes as areas: 500000 is all of Chongqing, 141100 all of Lüliang, 141182 Fenyang alone. */
final class Destinations {

    private Destinations() {
    }

    /** Whether a caller's scope and the area share ground: the caller covers the area, or works inside it. */
    static boolean meets(RegionScope scope, String area) {
        return scope.all() || scope.covers(area) || (scope.regionPrefix() != null && !scope.regionPrefix().isEmpty()
                && scope.regionPrefix().startsWith(RegionCode.scopePrefix(area)));
    }
}
