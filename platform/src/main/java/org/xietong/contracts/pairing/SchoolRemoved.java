package org.xietong.contracts.pairing;

/** A school was removed from the registry (type {@value #TYPE}); only schools nothing refers to can be removed. */
public record SchoolRemoved(String code, String regionCode) {

    public static final String TYPE = "org.xietong.pairing.school.removed.v1";
}
