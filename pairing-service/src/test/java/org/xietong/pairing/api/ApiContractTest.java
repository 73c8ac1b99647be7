package org.xietong.pairing.api;

import io.quarkus.test.junit.QuarkusTest;
import org.xietong.devstack.test.ServiceApiContract;
import org.xietong.pairing.agreement.PairingKind;
import org.xietong.pairing.agreement.PairingStatus;
import org.xietong.pairing.school.LocationType;
import org.xietong.pairing.school.SchoolLevel;

import java.util.List;
import java.util.Set;

@QuarkusTest
class ApiContractTest extends ServiceApiContract {

    @Override
    protected Set<String> validatorNames() {
        return Set.of("endedAlready", "datesInOrder", "coordinatesTogether", "buddiesFit");
    }

    @Override
    protected List<EnumParameter> enumParameters() {
        return List.of(
                new EnumParameter("/api/v1/pairing/schools", "type", LocationType.class),
                new EnumParameter("/api/v1/pairing/schools", "level", SchoolLevel.class),
                new EnumParameter("/api/v1/pairing/pairings", "status", PairingStatus.class),
                new EnumParameter("/api/v1/pairing/pairings", "kind", PairingKind.class));
    }
}
