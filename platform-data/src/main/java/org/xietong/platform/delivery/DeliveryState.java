package org.xietong.platform.delivery;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryState {
    /** Failed so far; tried again with back-off. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Failed for the whole retry window; replay it from a cursor. */
    DEAD
}
