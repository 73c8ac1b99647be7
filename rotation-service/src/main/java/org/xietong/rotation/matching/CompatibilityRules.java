package org.xietong.rotation.matching;

import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.SchoolLink;
import org.xietong.rotation.matching.MatchingResult.Slot;
import org.xietong.rotation.post.PostMode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hard rules every matcher obeys: which teacher may take which slot of which post, how a post splits into
 * slots, and which outflow-cap group a teacher counts in. The per-group cap itself is enforced by the matchers,
 * since it depends on the whole assignment.
 */
public final class CompatibilityRules {

    /** A post's slot and how many teachers it takes. */
    public record SlotSpec(Slot slot, int capacity) {
    }

    /** Whether the two schools are linked, when the caller already knows it. */
    enum Link {
        YES, NO, UNKNOWN
    }

    private final Set<SchoolLink> links;
    private final boolean crossDistrictLinkedOnly;

    public CompatibilityRules(MatchingInstance problem) {
        // Normalised, so that a link built with the constructor instead of of() still counts both ways.
        this.links = new HashSet<>();
        if (problem.links() != null) {
            problem.links().forEach(link -> links.add(SchoolLink.of(link.first(), link.second())));
        }
        this.crossDistrictLinkedOnly = problem.crossDistrictLinkedOnly();
    }

    /**
     * Team aid is led by one cadre of any subject, the rest of its seats are subject seats; every other mode has
     * one slot with all the seats. A post without open seats has no slot.
     */
    public static List<SlotSpec> slots(MatchingPost post) {
        if (post.seats() <= 0) {
            return List.of();
        }
        if (post.mode() == PostMode.TEAM_AID) {
            return post.seats() == 1
                    ? List.of(new SlotSpec(Slot.LEADER, 1))
                    : List.of(new SlotSpec(Slot.LEADER, 1), new SlotSpec(Slot.MEMBER, post.seats() - 1));
        }
        return List.of(new SlotSpec(Slot.MEMBER, post.seats()));
    }

    /** The group whose outflow cap the teacher counts against. */
    public static CapKey capKey(MatchingTeacher teacher) {
        return new CapKey(teacher.schoolCode(), teacher.primarySubject());
    }

    /**
     * How many (teacher, slot) pairs the hard rules allow, seats and outflow caps aside: the choice arcs of the
     * optimal matcher's flow network. Builds the same index the matchers do, so it costs about as much as their set-up.
     */
    public static int compatiblePairs(MatchingInstance problem) {
        return new MatchingGraph(problem).arcCount();
    }

    public boolean linked(String schoolA, String schoolB) {
        return !schoolA.equals(schoolB) && links.contains(SchoolLink.of(schoolA, schoolB));
    }

    /** Whether the teacher may take the given slot of the post, ignoring seats and outflow caps. */
    public boolean accepts(MatchingTeacher teacher, MatchingPost post, Slot slot) {
        return accepts(teacher, post, slot, Link.UNKNOWN);
    }

    /** A rule about the teacher and the post alone, which an organisational nomination obeys as a run does. */
    public enum PersonalRule {
        OWN_SCHOOL("a teacher does not rotate to their own school"),
        LEVEL("the teacher teaches at another school level than the post's"),
        LEADER_OF_A_TEAM("only a team-aid post has a leader"),
        LEADER_IS_A_CADRE("a team is led by a cadre (干部)"),
        SUBJECT("the teacher does not teach the post's subject"),
        SECONDMENT_IS_FOR_CADRES("a secondment (挂职) is for cadres (干部)"),
        TITLE("the teacher's title is below the post's minimum"),
        BACKBONE("the teacher's backbone level is below the post's minimum");

        private final String rule;

        PersonalRule(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** The first rule about the teacher and the post alone that the slot breaks, or null. */
    public static PersonalRule brokenPersonalRule(MatchingTeacher teacher, MatchingPost post, Slot slot) {
        if (teacher.schoolCode().equals(post.schoolCode())) {
            return PersonalRule.OWN_SCHOOL;
        }
        if (teacher.level() != post.level()) {
            return PersonalRule.LEVEL;
        }
        if (slot == Slot.LEADER) {
            if (post.mode() != PostMode.TEAM_AID) {
                return PersonalRule.LEADER_OF_A_TEAM;
            }
            if (!teacher.cadre()) {
                return PersonalRule.LEADER_IS_A_CADRE;
            }
        } else if (!teacher.subjects().contains(post.subject())) {
            return PersonalRule.SUBJECT;
        }
        if (post.mode() == PostMode.SECONDMENT && !teacher.cadre()) {
            return PersonalRule.SECONDMENT_IS_FOR_CADRES;
        }
        if (!teacher.title().atLeast(post.minTitle())) {
            return PersonalRule.TITLE;
        }
        return teacher.backbone().atLeast(post.minBackbone()) ? null : PersonalRule.BACKBONE;
    }

    boolean accepts(MatchingTeacher teacher, MatchingPost post, Slot slot, Link link) {
        if (brokenPersonalRule(teacher, post, slot) != null) {
            return false;
        }
        // Shadowing seats exist for the schools a strong school supports, whether or not the teacher may rotate.
        if (post.mode() == PostMode.SHADOWING) {
            return linked(teacher, post, link);
        }
        if (!teacher.eligible()) {
            return false;
        }
        return !crossDistrictLinkedOnly || teacher.regionCode().equals(post.regionCode())
                || linked(teacher, post, link);
    }

    private boolean linked(MatchingTeacher teacher, MatchingPost post, Link link) {
        return link == Link.UNKNOWN ? linked(teacher.schoolCode(), post.schoolCode()) : link == Link.YES;
    }
}
