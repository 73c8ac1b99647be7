package org.xietong.healthcare.settlement;

/** Item codes as the national medical-insurance coding (医保编码) writes them: letters, digits, dots and dashes. */
final class ItemCodes {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9.\\-]{0,39}";
    static final String MESSAGE = "must be 1 to 40 letters, digits, dots or dashes";

    private ItemCodes() {
    }
}
