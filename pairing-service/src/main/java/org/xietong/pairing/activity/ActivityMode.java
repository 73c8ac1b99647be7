package org.xietong.pairing.activity;

/** How an activity took place; MIXED: some took part on site, others online (线上线下结合). */
public enum ActivityMode {
    ONLINE, OFFLINE, MIXED
}
