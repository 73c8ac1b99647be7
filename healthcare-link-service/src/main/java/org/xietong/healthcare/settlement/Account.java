package org.xietong.healthcare.settlement;

/** Whose yearly accumulators a bill uses: person ids are their home insurer's, so the home region is part of it. */
public record Account(String homeRegion, String personId) {

    /** The key a batch keeps carried accumulators under. */
    String key() {
        return homeRegion + ":" + personId;
    }

    static Account ofKey(String key) {
        int colon = key.indexOf(':');
        return new Account(key.substring(0, colon), key.substring(colon + 1));
    }
}
