package org.xietong.rotation.matching;

import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingInstance.SchoolLink;
import org.xietong.rotation.matching.MatchingResult.Points;
import org.xietong.rotation.matching.MatchingResult.Proposal;
import org.xietong.rotation.matching.MatchingResult.Slot;
import org.xietong.rotation.matching.MatchingResult.Unfilled;
import org.xietong.rotation.post.PostMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules restated from the specification, sharing no code with the matchers, so that a test comparing the two
 * checks the matchers rather than themselves.
 */
final class Reference {

    private Reference() {
    }

    /** Seats per slot: team aid has a one-seat leader slot and the rest as members; other modes one member slot. */
    static Map<Slot, Integer> slotSeats(MatchingPost post) {
        Map<Slot, Integer> seats = new HashMap<>();
        if (post.seats() < 1) {
            return seats;
        }
        if (post.mode() != PostMode.TEAM_AID) {
            seats.put(Slot.MEMBER, post.seats());
            return seats;
        }
        seats.put(Slot.LEADER, 1);
        if (post.seats() >= 2) {
            seats.put(Slot.MEMBER, post.seats() - 1);
        }
        return seats;
    }

    static boolean linked(MatchingInstance problem, String a, String b) {
        return !a.equals(b) && (problem.links().contains(new SchoolLink(a, b))
                || problem.links().contains(new SchoolLink(b, a)));
    }

    /** Why the teacher may not take the slot, or null when they may. */
    static String violation(MatchingInstance problem, MatchingTeacher t, MatchingPost p, Slot slot) {
        if (!slotSeats(p).containsKey(slot)) {
            return "post has no " + slot + " slot";
        }
        if (Objects.equals(t.schoolCode(), p.schoolCode())) {
            return "own school";
        }
        if (t.level() != p.level()) {
            return "level";
        }
        boolean leader = p.mode() == PostMode.TEAM_AID && slot == Slot.LEADER;
        if (leader && !t.cadre()) {
            return "leader must be a cadre";
        }
        if (!leader && !t.subjects().contains(p.subject())) {
            return "subject";
        }
        if (p.mode() == PostMode.SECONDMENT && !t.cadre()) {
            return "secondment needs a cadre";
        }
        boolean link = linked(problem, t.schoolCode(), p.schoolCode());
        if (p.mode() == PostMode.SHADOWING && !link) {
            return "shadowing needs linked schools";
        }
        if (p.mode() != PostMode.SHADOWING && !t.eligible()) {
            return "not eligible";
        }
        if (p.minTitle() != null && t.title().ordinal() < p.minTitle().ordinal()) {
            return "title";
        }
        if (p.minBackbone() != null && t.backbone().ordinal() < p.minBackbone().ordinal()) {
            return "backbone";
        }
        if (problem.crossDistrictLinkedOnly() && !t.regionCode().equals(p.regionCode()) && !link) {
            return "cross-district without link";
        }
        return null;
    }

    static boolean compatible(MatchingInstance problem, MatchingTeacher t, MatchingPost p, Slot slot) {
        return violation(problem, t, p, slot) == null;
    }

    static Points points(MatchingInstance problem, MatchingTeacher t, MatchingPost p) {
        MatchingWeights w = problem.weights();
        Set<String> common = new HashSet<>(p.preferredTags());
        common.retainAll(t.tags());
        int tags = w.perPreferredTag() * common.size();
        int backbone = w.perBackboneLevelAbove()
                * Math.max(0, t.backbone().ordinal() - (p.minBackbone() == null ? 0 : p.minBackbone().ordinal()));
        int title = w.perTitleLevelAbove()
                * Math.max(0, t.title().ordinal() - (p.minTitle() == null ? 0 : p.minTitle().ordinal()));
        int linked = linked(problem, t.schoolCode(), p.schoolCode()) ? w.linkedSchools() : 0;
        int preference = 0;
        List<Long> ranked = problem.preferences().getOrDefault(t.id(), List.of());
        int index = ranked.indexOf(p.id());
        if (index >= 0) {
            preference = Math.max(0, w.preferenceTop() - index * w.preferenceStep());
        }
        int distance = 0;
        GeoPoint a = problem.locations().get(t.schoolCode());
        GeoPoint b = problem.locations().get(p.schoolCode());
        if (a != null && b != null) {
            distance = -w.distancePenaltyPerKm() * (int) Math.floor(haversineKm(a, b) + 0.5);
        }
        return new Points(tags, backbone, title, linked, preference, distance,
                tags + backbone + title + linked + preference + distance);
    }

    static double haversineKm(GeoPoint a, GeoPoint b) {
        double phi1 = a.latitude() * Math.PI / 180;
        double phi2 = b.latitude() * Math.PI / 180;
        double dPhi = phi2 - phi1;
        double dLambda = (b.longitude() - a.longitude()) * Math.PI / 180;
        double h = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
    }

    static MatchingTeacher teacher(MatchingInstance problem, long id) {
        return problem.teachers().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    static MatchingPost post(MatchingInstance problem, long id) {
        return problem.posts().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /** Every hard rule and every figure of the result that can be recomputed; empty when all hold. */
    static List<String> check(MatchingInstance problem, MatchingResult result) {
        List<String> errors = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        Map<String, Integer> bySlot = new HashMap<>();
        Map<CapKey, Integer> byGroup = new HashMap<>();
        Map<Long, Integer> filledByPost = new HashMap<>();
        long points = 0;
        for (Proposal proposal : result.proposals()) {
            MatchingTeacher t = teacher(problem, proposal.teacherId());
            MatchingPost p = post(problem, proposal.postId());
            if (!placed.add(t.id())) {
                errors.add("teacher " + t.id() + " placed twice");
            }
            String why = violation(problem, t, p, proposal.slot());
            if (why != null) {
                errors.add("teacher " + t.id() + " on post " + p.id() + "/" + proposal.slot() + ": " + why);
            }
            bySlot.merge(p.id() + "/" + proposal.slot(), 1, Integer::sum);
            filledByPost.merge(p.id(), 1, Integer::sum);
            byGroup.merge(new CapKey(t.schoolCode(), t.subjects().get(0)), 1, Integer::sum);
            Points expected = points(problem, t, p);
            if (!expected.equals(proposal.points())) {
                errors.add("points of " + t.id() + " on " + p.id() + ": " + proposal.points() + " != " + expected);
            }
            points += expected.total();
        }
        for (MatchingPost p : problem.posts()) {
            slotSeats(p).forEach((slot, seats) -> {
                int taken = bySlot.getOrDefault(p.id() + "/" + slot, 0);
                if (taken > seats) {
                    errors.add("post " + p.id() + "/" + slot + " holds " + taken + " > " + seats);
                }
            });
        }
        byGroup.forEach((group, count) -> {
            Integer cap = problem.outflowCaps().get(group);
            if (cap != null && count > cap) {
                errors.add("group " + group + " sends " + count + " > cap " + cap);
            }
        });
        int offered = problem.posts().stream().mapToInt(p -> Math.max(0, p.seats())).sum();
        if (result.seatsOffered() != offered) {
            errors.add("seatsOffered " + result.seatsOffered() + " != " + offered);
        }
        if (result.seatsFilled() != result.proposals().size()) {
            errors.add("seatsFilled " + result.seatsFilled() + " != proposals " + result.proposals().size());
        }
        if (result.totalPoints() != points) {
            errors.add("totalPoints " + result.totalPoints() + " != " + points);
        }
        Map<Long, Integer> unfilled = new HashMap<>();
        for (Unfilled u : result.unfilled()) {
            if (unfilled.put(u.postId(), u.seats()) != null) {
                errors.add("post " + u.postId() + " reported unfilled twice");
            }
            if (u.reason() == null || u.detail() == null || u.detail().isBlank()) {
                errors.add("post " + u.postId() + " unfilled without a reason");
            }
        }
        for (MatchingPost p : problem.posts()) {
            int open = Math.max(0, p.seats()) - filledByPost.getOrDefault(p.id(), 0);
            if (open != unfilled.getOrDefault(p.id(), 0)) {
                errors.add("post " + p.id() + " has " + open + " open seats, reported " + unfilled.get(p.id()));
            }
        }
        return errors;
    }
}
