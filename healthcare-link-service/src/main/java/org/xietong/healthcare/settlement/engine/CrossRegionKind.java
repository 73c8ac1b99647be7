package org.xietong.healthcare.settlement.engine;

/**
 * How the insured came to be treated where they were: at home (LOCAL), living elsewhere with a filed record
 * (REGISTERED, 异地长期居住备案), referred (REFERRAL), in an emergency (EMERGENCY), or temporarily elsewhere without a
 * referral (TEMPORARY, 临时外出就医). Home policies reduce the rate for the last three.
 */
public enum CrossRegionKind {
    LOCAL, REGISTERED, REFERRAL, EMERGENCY, TEMPORARY
}
