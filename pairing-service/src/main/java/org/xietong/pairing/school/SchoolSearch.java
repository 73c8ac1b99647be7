package org.xietong.pairing.school;

/** Search criteria for the school list; every one is optional. {@code region} is a GB/T 2260 code or prefix. */
public record SchoolSearch(String region, LocationType type, SchoolLevel level, String name) {
}
