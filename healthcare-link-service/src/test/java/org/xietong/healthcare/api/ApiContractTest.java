package org.xietong.healthcare.api;

import io.quarkus.test.junit.QuarkusTest;
import org.xietong.devstack.test.ServiceApiContract;
import org.xietong.healthcare.consortium.ConsortiumInvitation;
import org.xietong.healthcare.consortium.ConsortiumKind;
import org.xietong.healthcare.consultation.ConsultationStatus;
import org.xietong.healthcare.institution.Capability;
import org.xietong.healthcare.ltc.LtcRequest;

import java.util.List;
import java.util.Set;

@QuarkusTest
class ApiContractTest extends ServiceApiContract {

    @Override
    protected Set<String> validatorNames() {
        return Set.of("consultantElsewhere", "patientRefOpaque", "endDateAfterStart",
                "specialtyGiven", "weekdayGiven", "intervalGiven", "datesGiven");
    }

    @Override
    protected List<EnumParameter> enumParameters() {
        return List.of(
                new EnumParameter("/api/v1/healthcare/institutions", "capability", Capability.class),
                new EnumParameter("/api/v1/healthcare/consortia", "kind", ConsortiumKind.class),
                new EnumParameter("/api/v1/healthcare/consortium-invitations", "status", ConsortiumInvitation.Status.class),
                new EnumParameter("/api/v1/healthcare/consultations", "status", ConsultationStatus.class),
                new EnumParameter("/api/v1/healthcare/ltc/requests", "status", LtcRequest.Status.class));
    }
}
