package org.xietong.rotation.matching;

import org.junit.jupiter.api.Test;
import org.xietong.rotation.matching.CompatibilityRules.SlotSpec;
import org.xietong.rotation.matching.MatchingResult.Slot;
import org.xietong.rotation.post.PostMode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xietong.rotation.matching.Fixtures.post;

class CompatibilityRulesTest {

    @Test
    void agreesWithTheReferenceOnEveryPairOfRandomInstances() {
        int accepted = 0;
        int pairs = 0;
        for (long seed = 1; seed <= 300; seed++) {
            MatchingInstance problem = RandomInstances.generate(seed, 10, 6);
            CompatibilityRules rules = new CompatibilityRules(problem);
            for (MatchingTeacher teacher : problem.teachers()) {
                for (MatchingPost p : problem.posts()) {
                    for (SlotSpec spec : CompatibilityRules.slots(p)) {
                        boolean expected = Reference.compatible(problem, teacher, p, spec.slot());
                        assertEquals(expected, rules.accepts(teacher, p, spec.slot()),
                                "seed " + seed + ", " + teacher + " on " + p + "/" + spec.slot());
                        accepted += expected ? 1 : 0;
                        pairs++;
                    }
                }
            }
        }
        // Both outcomes must be common for the comparison to mean anything.
        assertEquals(true, accepted > pairs / 20 && accepted < pairs / 2, accepted + " of " + pairs);
    }

    @Test
    void splitsPostsIntoSlots() {
        for (int seats = 0; seats <= 4; seats++) {
            for (PostMode mode : PostMode.values()) {
                MatchingPost p = post(1).mode(mode).seats(seats).build();
                Map<Slot, Integer> slots = CompatibilityRules.slots(p).stream()
                        .collect(Collectors.toMap(SlotSpec::slot, SlotSpec::capacity));
                assertEquals(Reference.slotSeats(p), slots, mode + " with " + seats + " seats");
            }
        }
        assertEquals(List.of(new SlotSpec(Slot.LEADER, 1), new SlotSpec(Slot.MEMBER, 2)),
                CompatibilityRules.slots(post(1).mode(PostMode.TEAM_AID).seats(3).build()));
    }
}
