package org.xietong.platform.region;

import java.util.regex.Pattern;

/**
 * GB/T 2260 administrative division codes: two digits province, two city (prefecture), two county. A code ending
 * in 0000 is a province (or municipality such as 110000 Beijing), one ending in 00 a prefecture-level city
 * (e.g. 150700 Hulunbuir), anything else a county-level district (e.g. 110105 Chaoyang).
 */
public final class RegionCode {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

    private RegionCode() {
    }

    public static boolean isValid(String code) {
        return code != null && SIX_DIGITS.matcher(code).matches();
    }

    /** The prefix every code inside this region starts with: "11" for 110000, "1507" for 150700, all six otherwise. */
    public static String scopePrefix(String code) {
        requireValid(code);
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** The four municipalities (直辖市): Beijing, Tianjin, Shanghai, Chongqing. */
    private static final java.util.Set<String> MUNICIPALITIES = java.util.Set.of("11", "12", "31", "50");

    /**
     * The prefix of the pooling area (统筹区) a district belongs to: its prefecture-level city ("1411" for 141182
     * Fenyang), except in a municipality, which is one city however its codes run (Chongqing's districts are 5001xx,
     * its counties 5002xx: both "50").
     */
    public static String poolingPrefix(String code) {
        requireValid(code);
        return MUNICIPALITIES.contains(code.substring(0, 2)) ? code.substring(0, 2) : code.substring(0, 4);
    }

    /** Whether an officer of {@code scope} may act on something located in {@code target}. */
    public static boolean covers(String scope, String target) {
        return isValid(scope) && isValid(target) && target.startsWith(scopePrefix(scope));
    }

    private static void requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a GB/T 2260 region code: " + code);
        }
    }
}
