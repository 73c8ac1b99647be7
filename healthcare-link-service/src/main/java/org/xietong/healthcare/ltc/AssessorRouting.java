package org.xietong.healthcare.ltc;

import org.xietong.platform.region.GeoDistance;
import org.xietong.platform.region.RegionCode;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses where a person is assessed: an accredited assessor in their own district; when the district has none,
 * the nearest accredited one in the same pooling area, the city or the whole municipality (as Changping's residents
 * are sent to Shijingshan, and a Chongqing county's to a Chongqing district). Ties and assessors without coordinates
 * fall back to the code order.
 */
public final class AssessorRouting {

    /** An accredited assessor institution. */
    public record Assessor(String code, String regionCode, Double latitude, Double longitude) {
    }

    public record Choice(Assessor assessor, String reason) {
    }

    private AssessorRouting() {
    }

    /**
     * @param residence  the 6-digit district the person lives in
     * @param latitude   where they live, when known; without it the code order decides
     * @param candidates accredited assessors of the residence's pooling area
     */
    public static Optional<Choice> route(String residence, Double latitude, Double longitude, List<Assessor> candidates) {
        Optional<Assessor> local = candidates.stream().filter(a -> a.regionCode().equals(residence))
                .min(nearest(latitude, longitude));
        if (local.isPresent()) {
            return Optional.of(new Choice(local.get(), "accredited assessor in the residence district " + residence));
        }
        String city = RegionCode.poolingPrefix(residence);
        return candidates.stream().filter(a -> a.regionCode().startsWith(city)).min(nearest(latitude, longitude))
                .map(a -> new Choice(a, "no accredited assessor in district " + residence
                        + "; the nearest in the same city, in district " + a.regionCode()));
    }

    private static Comparator<Assessor> nearest(Double latitude, Double longitude) {
        Comparator<Assessor> byCode = Comparator.comparing(Assessor::code);
        if (latitude == null || longitude == null) {
            return byCode;
        }
        return Comparator.<Assessor>comparingDouble(a -> a.latitude() == null || a.longitude() == null
                ? Double.MAX_VALUE : GeoDistance.km(latitude, longitude, a.latitude(), a.longitude())).thenComparing(byCode);
    }
}
