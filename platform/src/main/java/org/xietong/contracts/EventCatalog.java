package org.xietong.contracts;

import org.xietong.contracts.healthcare.AppointmentChanged;
import org.xietong.contracts.healthcare.ClinicSessionCancelled;
import org.xietong.contracts.healthcare.ConsortiumMembershipChanged;
import org.xietong.contracts.healthcare.ConsultationCancelled;
import org.xietong.contracts.healthcare.ConsultationChanged;
import org.xietong.contracts.healthcare.OutreachScheduleChanged;
import org.xietong.contracts.healthcare.LtcRequestChanged;
import org.xietong.contracts.healthcare.SettlementChanged;
import org.xietong.contracts.pairing.ActivityRecorded;
import org.xietong.contracts.pairing.ActivityWithdrawn;
import org.xietong.contracts.pairing.BuddyClassDissolved;
import org.xietong.contracts.pairing.FacilityBookingCancelled;
import org.xietong.contracts.pairing.AllianceChanged;
import org.xietong.contracts.pairing.PairingChanged;
import org.xietong.contracts.pairing.SchoolRegistered;
import org.xietong.contracts.pairing.SchoolRemoved;
import org.xietong.contracts.pairing.SchoolUpdated;
import org.xietong.contracts.rotation.AssignmentChanged;
import org.xietong.contracts.rotation.ExchangeConfirmed;
import org.xietong.contracts.rotation.PostChanged;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type of the suite: its CloudEvents type, the area whose topic carries it and its payload record.
 * Each type has a JSON Schema at {@code /contracts/schemas/<type>.json} (served by every service) and appears in
 * its area's AsyncAPI document; a test keeps the three in agreement.
 */
public final class EventCatalog {

    public record Entry(String type, String area, Class<? extends Record> payload) {

        public String topic() {
            return "xietong." + area + ".events";
        }

        public String schemaPath() {
            return "contracts/schemas/" + type + ".json";
        }
    }

    public static final List<Entry> ALL = Stream.concat(
            Stream.of(new Entry(SchoolRegistered.TYPE, "pairing", SchoolRegistered.class),
                    new Entry(SchoolUpdated.TYPE, "pairing", SchoolUpdated.class),
                    new Entry(SchoolRemoved.TYPE, "pairing", SchoolRemoved.class),
                    new Entry(ActivityRecorded.TYPE, "pairing", ActivityRecorded.class),
                    new Entry(ActivityWithdrawn.TYPE, "pairing", ActivityWithdrawn.class),
                    new Entry(FacilityBookingCancelled.TYPE, "pairing", FacilityBookingCancelled.class),
                    new Entry(BuddyClassDissolved.TYPE, "pairing", BuddyClassDissolved.class),
                    new Entry(ExchangeConfirmed.TYPE, "rotation", ExchangeConfirmed.class),
                    new Entry(ConsultationCancelled.TYPE, "healthcare", ConsultationCancelled.class),
                    new Entry(ClinicSessionCancelled.TYPE, "healthcare", ClinicSessionCancelled.class)),
            Stream.of(PairingChanged.TYPES.stream().map(type -> new Entry(type, "pairing", PairingChanged.class)),
                            AllianceChanged.TYPES.stream().map(type -> new Entry(type, "pairing", AllianceChanged.class)),
                            PostChanged.TYPES.stream().map(type -> new Entry(type, "rotation", PostChanged.class)),
                            AssignmentChanged.TYPES.stream().map(type -> new Entry(type, "rotation", AssignmentChanged.class)),
                            LtcRequestChanged.TYPES.stream().map(type -> new Entry(type, "healthcare", LtcRequestChanged.class)),
                            SettlementChanged.TYPES.stream().map(type -> new Entry(type, "healthcare", SettlementChanged.class)),
                            ConsultationChanged.TYPES.stream().map(type -> new Entry(type, "healthcare", ConsultationChanged.class)),
                            AppointmentChanged.TYPES.stream().map(type -> new Entry(type, "healthcare", AppointmentChanged.class)),
                            ConsortiumMembershipChanged.TYPES.stream().map(type -> new Entry(type, "healthcare",
                                    ConsortiumMembershipChanged.class)),
                            OutreachScheduleChanged.TYPES.stream().map(type -> new Entry(type, "healthcare",
                                    OutreachScheduleChanged.class)))
                    .flatMap(s -> s)).toList();

    private EventCatalog() {
    }
}
