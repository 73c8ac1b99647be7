package org.xietong.pairing.school;

/** Where a school is: in a city (城区), a township (乡镇) or a village (农村). */
public enum LocationType {
    URBAN, TOWNSHIP, RURAL;

    /** Township and rural schools are the ones every pairing programme must reach. */
    public boolean needsPartner() {
        return this != URBAN;
    }
}
