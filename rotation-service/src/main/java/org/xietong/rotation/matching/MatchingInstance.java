package org.xietong.rotation.matching;

import org.xietong.rotation.teacher.Subject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one matching run decides on: the instance of the assignment problem the matchers solve (not an
 * RFC 9457 problem).
 *
 * @param outflowCaps       how many teachers each sending school may give up per primary subject; a missing key
 *                          means no cap
 * @param links             unordered pairs of school codes that are paired or allied (from pairing-service's events)
 * @param locations         school code to coordinates; a school without any gets no distance penalty
 * @param preferences       teacher id to the post ids they rank, best first
 * @param crossDistrictLinkedOnly when true, a teacher may only go to another district's school if the two schools
 *                          are linked
 */
public record MatchingInstance(List<MatchingTeacher> teachers, List<MatchingPost> posts,
                               Map<CapKey, Integer> outflowCaps, Set<SchoolLink> links,
                               Map<String, GeoPoint> locations, Map<Long, List<Long>> preferences,
                               boolean crossDistrictLinkedOnly, MatchingWeights weights) {

    public record CapKey(String schoolCode, Subject subject) {
    }

    public record GeoPoint(double latitude, double longitude) {
    }

    /** Unordered: {@code of(a, b).equals(of(b, a))}. */
    public record SchoolLink(String first, String second) {
        public static SchoolLink of(String a, String b) {
            return a.compareTo(b) <= 0 ? new SchoolLink(a, b) : new SchoolLink(b, a);
        }
    }
}
