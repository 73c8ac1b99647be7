package org.xietong.rotation.teacher;

import org.xietong.platform.privacy.ResidentIds;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * GB 11643 citizen identity numbers (公民身份号码): 6-digit region, 8-digit birth date, 3-digit sequence (odd for men),
 * and an ISO 7064 MOD 11-2 check character. Never put the number itself in a message or a log.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentId() {
    }

    /** Upper-cased (a lower-case check 'x' is common in typed data). */
    public static String normalise(String id) {
        return id == null ? null : id.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String id) {
        if (id == null || !id.matches("[1-9][0-9]{16}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == id.charAt(17) && birthDate(id) != null;
    }

    /** The birth date the number encodes, or null when it is not a real date. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    public static Gender gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** Keeps the last four characters only: **************123X (with the region they gave back the whole number). */
    public static String mask(String id) {
        return ResidentIds.mask(id);
    }
}
