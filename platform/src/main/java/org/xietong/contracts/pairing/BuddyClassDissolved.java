package org.xietong.contracts.pairing;

import java.time.Instant;

/**
 * Two twinned classes (友好班集体) were dissolved, with the reason (type {@value #TYPE}); counts only, no pupil.
 * Key and subject: the pairing id.
 */
public record BuddyClassDissolved(String id, String pairingId, String supportingClass, String supportedClass,
                                  int studyBuddyPairs, String reason, Instant dissolvedAt) {

    public static final String TYPE = "org.xietong.pairing.buddy-class.dissolved.v1";
}
