package org.xietong.pairing.activity;

public enum ActivityMode {
    ONLINE, OFFLINE
}
