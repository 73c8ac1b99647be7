package org.xietong.pairing.alliance;

import org.xietong.contracts.pairing.AllianceChanged;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record AllianceView(UUID id, String name, AllianceKind kind, String leadSchool, List<MemberView> members,
                           Map<IntegrationArea, IntegrationView> integrations, Instant createdAt, long version) {

    public record MemberView(String school, String regionCode, String role, Instant joinedAt) {
    }

    public record IntegrationView(IntegrationStatus status, String notes, Instant updatedAt) {
    }

    static AllianceView of(Alliance a) {
        Map<IntegrationArea, IntegrationView> integrations = new LinkedHashMap<>();
        for (IntegrationArea area : IntegrationArea.values()) {
            Alliance.Integration i = a.integrations.get(area);
            integrations.put(area, new IntegrationView(i.status, i.notes, i.updatedAt));
        }
        return new AllianceView(a.id, a.name, a.kind, a.leadSchool, a.members.stream()
                .map(m -> new MemberView(m.schoolCode, m.regionCode, m.role, m.joinedAt)).toList(),
                integrations, a.createdAt, a.version);
    }

    static AllianceChanged event(Alliance a) {
        Map<String, String> integrations = new LinkedHashMap<>();
        a.integrations.forEach((area, i) -> integrations.put(area.name(), i.status.name()));
        return new AllianceChanged(a.id.toString(), a.name, a.kind.name(), a.leadSchool,
                a.members.stream().map(m -> m.schoolCode).toList(), integrations);
    }
}
