package org.xietong.contracts;

/** Kafka topics of the suite; each service publishes its own area's events to one topic. */
public final class Topics {

    public static final String PAIRING_EVENTS = "xietong.pairing.events";
    public static final String ROTATION_EVENTS = "xietong.rotation.events";
    public static final String HEALTHCARE_EVENTS = "xietong.healthcare.events";

    private Topics() {
    }
}
