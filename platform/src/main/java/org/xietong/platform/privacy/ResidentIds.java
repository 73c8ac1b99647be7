package org.xietong.platform.privacy;

import java.util.regex.Pattern;

/**
 * The shape of a resident ID number (公民身份号码): 18 characters, 17 digits and a digit or check 'X', or the old 15
 * digits. Used to keep such numbers out of places where the caller may not read them; never echo the value.
 */
public final class ResidentIds {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9Xx]|[0-9]{15}");
    private static final int SHOWN = 4;

    private ResidentIds() {
    }

    /** Whether {@code value}, spaces around it ignored, looks like a resident ID, valid check character or not. */
    public static boolean looksLikeOne(String value) {
        return value != null && SHAPE.matcher(value.strip()).matches();
    }

    /**
     * Everything but the last four characters starred, at the number's length: the region and birth date digits never
     * show, so a mask next to a birth date and a school's region does not give the number back.
     */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        int hidden = Math.max(0, id.length() - SHOWN);
        return "*".repeat(hidden) + id.substring(hidden);
    }
}
