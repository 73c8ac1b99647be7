package org.xietong.rotation.matching;

import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingInstance.SchoolLink;
import org.xietong.rotation.matching.MatchingResult.Proposal;
import org.xietong.rotation.matching.MatchingResult.Slot;
import org.xietong.rotation.matching.MatchingResult.Unfilled;
import org.xietong.rotation.matching.MatchingResult.UnfilledReason;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.Subject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every (teacher, slot) pair the hard rules allow, with its points, in primitive arrays indexed by position: teachers
 * and posts sorted by id, a post's slots in {@link CompatibilityRules#slots} order, and a teacher's arcs by slot.
 * The same input therefore always yields the same graph, whatever order the lists came in. Candidates come from
 * indexes by (level, subject, district) and from the teacher's linked schools, never from a scan of all posts.
 */
final class MatchingGraph {

    final CompatibilityRules rules;
    final PointsCalculator calculator;
    final MatchingTeacher[] teachers;
    final MatchingPost[] posts;
    /** Post i owns slots [postFirstSlot[i], postFirstSlot[i + 1]). */
    final int[] postFirstSlot;
    final int[] slotPost;
    final Slot[] slotKind;
    final int[] slotCapacity;
    /** -1 for a teacher whose group has no cap. */
    final int[] teacherGroup;
    final int[] groupCap;
    final int groupCount;
    /** Teacher i owns arcs [teacherFirstArc[i], teacherFirstArc[i + 1]), by ascending slot. */
    final int[] teacherFirstArc;
    final int[] arcTeacher;
    final int[] arcSlot;
    final int[] arcPoints;

    MatchingGraph(MatchingInstance problem) {
        rules = new CompatibilityRules(problem);
        calculator = new PointsCalculator(problem, rules);
        teachers = problem.teachers().toArray(MatchingTeacher[]::new);
        Arrays.sort(teachers, Comparator.comparingLong(MatchingTeacher::id));
        posts = problem.posts().toArray(MatchingPost[]::new);
        Arrays.sort(posts, Comparator.comparingLong(MatchingPost::id));

        postFirstSlot = new int[posts.length + 1];
        int slotTotal = 0;
        for (int p = 0; p < posts.length; p++) {
            postFirstSlot[p] = slotTotal;
            slotTotal += CompatibilityRules.slots(posts[p]).size();
        }
        postFirstSlot[posts.length] = slotTotal;
        slotPost = new int[slotTotal];
        slotKind = new Slot[slotTotal];
        slotCapacity = new int[slotTotal];
        for (int p = 0, s = 0; p < posts.length; p++) {
            for (CompatibilityRules.SlotSpec spec : CompatibilityRules.slots(posts[p])) {
                slotPost[s] = p;
                slotKind[s] = spec.slot();
                slotCapacity[s] = spec.capacity();
                s++;
            }
        }

        teacherGroup = new int[teachers.length];
        Map<CapKey, Integer> groupOf = new HashMap<>();
        List<Integer> caps = new ArrayList<>();
        Map<CapKey, Integer> outflowCaps = problem.outflowCaps() == null ? Map.of() : problem.outflowCaps();
        for (int t = 0; t < teachers.length; t++) {
            CapKey key = CompatibilityRules.capKey(teachers[t]);
            Integer cap = outflowCaps.get(key);
            if (cap == null) {
                teacherGroup[t] = -1;
            } else {
                teacherGroup[t] = groupOf.computeIfAbsent(key, k -> {
                    caps.add(Math.max(0, cap));
                    return caps.size() - 1;
                });
            }
        }
        groupCount = caps.size();
        groupCap = caps.stream().mapToInt(Integer::intValue).toArray();

        teacherFirstArc = new int[teachers.length + 1];
        IntList arcTeachers = new IntList(teachers.length * 8);
        IntList arcSlots = new IntList(teachers.length * 8);
        IntList arcPointList = new IntList(teachers.length * 8);
        new CandidateIndex(problem.crossDistrictLinkedOnly(), problem.links())
                .buildArcs(arcTeachers, arcSlots, arcPointList);
        teacherFirstArc[teachers.length] = arcSlots.size;
        arcTeacher = arcTeachers.toArray();
        arcSlot = arcSlots.toArray();
        arcPoints = arcPointList.toArray();
    }

    int arcCount() {
        return arcSlot.length;
    }

    int seatsOffered() {
        int seats = 0;
        for (int capacity : slotCapacity) {
            seats += capacity;
        }
        return seats;
    }

    /** The teacher's arc to the slot, or -1 when the hard rules forbid it. */
    int arcOf(int teacher, int slot) {
        int found = Arrays.binarySearch(arcSlot, teacherFirstArc[teacher], teacherFirstArc[teacher + 1], slot);
        return found >= 0 ? found : -1;
    }

    /** Candidate slots per teacher without scanning every post. */
    private final class CandidateIndex {
        private final boolean crossDistrictLinkedOnly;
        private final Map<String, Integer> schoolIndex = new HashMap<>();
        private final Map<String, Integer> regionIndex = new HashMap<>();
        private final Map<Long, IntList> memberSlots = new HashMap<>();
        private final Map<Long, IntList> leaderSlots = new HashMap<>();
        private final List<IntList> slotsAtSchool = new ArrayList<>();
        private final List<IntList> linkedSchools = new ArrayList<>();

        CandidateIndex(boolean crossDistrictLinkedOnly, Set<SchoolLink> links) {
            this.crossDistrictLinkedOnly = crossDistrictLinkedOnly;
            for (MatchingTeacher teacher : teachers) {
                school(teacher.schoolCode());
            }
            for (MatchingPost post : posts) {
                school(post.schoolCode());
            }
            for (int s = 0; s < slotPost.length; s++) {
                MatchingPost post = posts[slotPost[s]];
                slotsAtSchool.get(school(post.schoolCode())).add(s);
                // Shadowing seats need a link, so they are only reached through the teacher's linked schools.
                if (post.mode() == PostMode.SHADOWING) {
                    continue;
                }
                int region = region(post.regionCode());
                if (slotKind[s] == Slot.LEADER) {
                    leaderSlots.computeIfAbsent(key(post.level().ordinal(), -1, region), k -> new IntList(4)).add(s);
                } else {
                    memberSlots.computeIfAbsent(key(post.level().ordinal(), post.subject().ordinal(), region),
                            k -> new IntList(4)).add(s);
                }
            }
            if (links != null) {
                for (SchoolLink link : links) {
                    Integer a = schoolIndex.get(link.first());
                    Integer b = schoolIndex.get(link.second());
                    if (a != null && b != null && !a.equals(b)) {
                        linkedSchools.get(a).add(b);
                        linkedSchools.get(b).add(a);
                    }
                }
            }
            for (IntList linked : linkedSchools) {
                linked.sortDistinct();
            }
        }

        private int school(String code) {
            Integer known = schoolIndex.get(code);
            if (known != null) {
                return known;
            }
            schoolIndex.put(code, slotsAtSchool.size());
            slotsAtSchool.add(new IntList(2));
            linkedSchools.add(new IntList(0));
            return slotsAtSchool.size() - 1;
        }

        private int region(String code) {
            // Without the cross-district rule every district shares one bucket.
            return crossDistrictLinkedOnly ? regionIndex.computeIfAbsent(code, c -> regionIndex.size()) : 0;
        }

        private static long key(int level, int subject, int region) {
            return ((long) region << 16) | ((long) (level & 0xff) << 8) | (subject & 0xff);
        }

        void buildArcs(IntList arcTeachers, IntList arcSlots, IntList arcPointList) {
            // Per arc only int lookups: school indexes for links, post indexes for ranks, locations by school.
            int[] postSchool = new int[posts.length];
            Map<Long, Integer> postIndex = new HashMap<>();
            for (int p = 0; p < posts.length; p++) {
                postSchool[p] = schoolIndex.get(posts[p].schoolCode());
                postIndex.putIfAbsent(posts[p].id(), p);
            }
            GeoPoint[] location = new GeoPoint[slotsAtSchool.size()];
            schoolIndex.forEach((code, index) -> location[index] = calculator.location(code));
            IntList candidates = new IntList(64);
            IntList rankedPosts = new IntList(8);
            IntList ranks = new IntList(8);
            for (int t = 0; t < teachers.length; t++) {
                teacherFirstArc[t] = arcSlots.size;
                MatchingTeacher teacher = teachers[t];
                int school = schoolIndex.get(teacher.schoolCode());
                candidates.clear();
                Integer region = crossDistrictLinkedOnly ? regionIndex.get(teacher.regionCode()) : Integer.valueOf(0);
                if (region != null) {
                    int level = teacher.level().ordinal();
                    for (Subject subject : teacher.subjects()) {
                        candidates.addAll(memberSlots.get(key(level, subject.ordinal(), region)));
                    }
                    if (teacher.cadre()) {
                        candidates.addAll(leaderSlots.get(key(level, -1, region)));
                    }
                }
                IntList linked = linkedSchools.get(school);
                for (int i = 0; i < linked.size; i++) {
                    IntList there = slotsAtSchool.get(linked.values[i]);
                    for (int j = 0; j < there.size; j++) {
                        MatchingPost post = posts[slotPost[there.values[j]]];
                        if (post.mode() == PostMode.SHADOWING
                                || crossDistrictLinkedOnly && !post.regionCode().equals(teacher.regionCode())) {
                            candidates.add(there.values[j]);
                        }
                    }
                }
                candidates.sortDistinct();
                rankedPosts.clear();
                ranks.clear();
                calculator.ranksOf(teacher).forEach((postId, rank) -> {
                    Integer p = postIndex.get(postId);
                    if (p != null) {
                        rankedPosts.add(p);
                        ranks.add(rank);
                    }
                });
                int linkPost = -1;
                boolean isLinked = false;
                int pointsPost = -1;
                int points = 0;
                for (int i = 0; i < candidates.size; i++) {
                    int s = candidates.values[i];
                    int p = slotPost[s];
                    MatchingPost post = posts[p];
                    if (linkPost != p) {
                        linkPost = p;
                        isLinked = Arrays.binarySearch(linked.values, 0, linked.size, postSchool[p]) >= 0;
                    }
                    if (!rules.accepts(teacher, post, slotKind[s],
                            isLinked ? CompatibilityRules.Link.YES : CompatibilityRules.Link.NO)) {
                        continue;
                    }
                    if (pointsPost != p) {
                        pointsPost = p;
                        int rank = 0;
                        for (int r = 0; r < rankedPosts.size; r++) {
                            if (rankedPosts.values[r] == p) {
                                rank = ranks.values[r];
                            }
                        }
                        points = calculator.total(teacher, post, isLinked, rank, location[school],
                                location[postSchool[p]]);
                    }
                    arcTeachers.add(t);
                    arcSlots.add(s);
                    arcPointList.add(points);
                }
            }
        }
    }

    /**
     * Turns an assignment (teacher index to arc, -1 when unassigned) into the result, explaining each post with
     * seats left. {@code participantRanked} (stable mode only, else null) counts per slot the participants who ranked
     * it; a post ranked by none of them is {@link UnfilledReason#NOT_RANKED}.
     */
    MatchingResult result(String solver, int[] assignedArc, int[] participantRanked, long solveMillis,
                          boolean provenOptimal) {
        int[] slotFilled = new int[slotPost.length];
        int[] groupUsed = new int[groupCount];
        List<Proposal> proposals = new ArrayList<>();
        long totalPoints = 0;
        for (int t = 0; t < teachers.length; t++) {
            int arc = assignedArc[t];
            if (arc < 0) {
                continue;
            }
            int s = arcSlot[arc];
            slotFilled[s]++;
            if (teacherGroup[t] >= 0) {
                groupUsed[teacherGroup[t]]++;
            }
            totalPoints += arcPoints[arc];
            MatchingPost post = posts[slotPost[s]];
            proposals.add(new Proposal(teachers[t].id(), post.id(), slotKind[s],
                    calculator.points(teachers[t], post)));
        }
        int[] compatible = new int[slotPost.length];
        int[] heldByCap = new int[slotPost.length];
        for (int arc = 0; arc < arcSlot.length; arc++) {
            int t = arcTeacher[arc];
            compatible[arcSlot[arc]]++;
            int group = teacherGroup[t];
            if (assignedArc[t] < 0 && group >= 0 && groupUsed[group] >= groupCap[group]) {
                heldByCap[arcSlot[arc]]++;
            }
        }
        List<Unfilled> unfilled = new ArrayList<>();
        int seatsFilled = proposals.size();
        for (int p = 0; p < posts.length; p++) {
            int open = 0;
            UnfilledReason reason = null;
            List<String> details = new ArrayList<>();
            for (int s = postFirstSlot[p]; s < postFirstSlot[p + 1]; s++) {
                int left = slotCapacity[s] - slotFilled[s];
                if (left <= 0) {
                    continue;
                }
                open += left;
                UnfilledReason slotReason;
                String detail;
                if (compatible[s] == 0) {
                    slotReason = UnfilledReason.NO_COMPATIBLE_TEACHER;
                    detail = "no teacher meets the hard rules";
                } else if (participantRanked != null && participantRanked[s] == 0) {
                    slotReason = UnfilledReason.NOT_RANKED;
                    detail = String.format("%d compatible teacher(s), none of the participants ranked it",
                            compatible[s]);
                } else if (heldByCap[s] > 0) {
                    slotReason = UnfilledReason.OUTFLOW_CAP_REACHED;
                    detail = String.format("%d compatible teacher(s), %d unassigned because their school's outflow"
                            + " cap for their subject is used up", compatible[s], heldByCap[s]);
                } else {
                    slotReason = UnfilledReason.COMPATIBLE_TEACHERS_TAKEN;
                    detail = participantRanked == null
                            ? String.format("%d compatible teacher(s), all placed on other posts", compatible[s])
                            : String.format("%d compatible teacher(s); the %d participant(s) who ranked it were"
                            + " placed on posts they ranked higher", compatible[s], participantRanked[s]);
                }
                if (reason == null || precedence(slotReason) < precedence(reason)) {
                    reason = slotReason;
                }
                String seats = left + " of " + slotCapacity[s] + " seat(s) open: ";
                details.add(posts[p].mode() == PostMode.TEAM_AID
                        ? (slotKind[s] == Slot.LEADER ? "leader " : "members ") + seats + detail
                        : seats + detail);
            }
            if (open > 0) {
                unfilled.add(new Unfilled(posts[p].id(), open, reason, String.join("; ", details)));
            }
        }
        return new MatchingResult(solver, List.copyOf(proposals), List.copyOf(unfilled), seatsOffered(),
                seatsFilled, totalPoints, solveMillis, provenOptimal);
    }

    /** A post with several open slots reports the most fundamental of their reasons. */
    private static int precedence(UnfilledReason reason) {
        return switch (reason) {
            case NO_COMPATIBLE_TEACHER -> 0;
            case NOT_RANKED -> 1;
            case OUTFLOW_CAP_REACHED -> 2;
            case COMPATIBLE_TEACHERS_TAKEN -> 3;
        };
    }

    /** A growable int array: the graph holds millions of arcs, boxing them would double the memory. */
    static final class IntList {
        int[] values;
        int size;

        IntList(int capacity) {
            values = new int[Math.max(capacity, 1)];
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        void addAll(IntList other) {
            if (other == null) {
                return;
            }
            if (size + other.size > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        void clear() {
            size = 0;
        }

        void sortDistinct() {
            Arrays.sort(values, 0, size);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (kept == 0 || values[kept - 1] != values[i]) {
                    values[kept++] = values[i];
                }
            }
            size = kept;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
