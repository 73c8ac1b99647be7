package org.xietong.contracts.rotation;

import java.time.LocalDate;

/**
 * A teacher exchange between two schools was confirmed (type {@value #TYPE}): how many teachers go from one school
 * to the other, in which mode, from when and for how long. No personal data; key and subject: the exchange id.
 * pairing-service records it as an activity of the two schools' active pairing.
 */
public record ExchangeConfirmed(String exchangeId, String fromSchool, String toSchool, String mode, int teachers,
                                LocalDate startDate, int months) {

    public static final String TYPE = "org.xietong.rotation.exchange.confirmed.v1";
}
