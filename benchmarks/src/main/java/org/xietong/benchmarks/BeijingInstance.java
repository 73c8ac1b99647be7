package org.xietong.benchmarks;

import org.xietong.rotation.matching.MatchingPost;
import org.xietong.rotation.matching.MatchingInstance;
import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingInstance.SchoolLink;
import org.xietong.rotation.matching.MatchingTeacher;
import org.xietong.rotation.matching.MatchingWeights;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, Beijing-scale matching instance: the 16 districts at their real codes and approximate centres, schools
 * scattered around each centre, teachers and demand posts with realistic skews, rural and township schools paired
 * with urban ones plus education-group alliances, cross-district flows only between linked schools, outflow caps of
 * 20% per (school, primary subject) and a share of teachers ranking posts. Synthetic: no real school or person.
 */
public final class BeijingInstance {

    /** A district: code, name, centre, how far its schools spread, its share of schools, whether it is urban. */
    record District(String code, String name, double latitude, double longitude, double radiusKm, int weight,
                    boolean urban) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("110101", "东城", 39.9288, 116.4160, 3, 4, true),
            new District("110102", "西城", 39.9123, 116.3660, 3, 5, true),
            new District("110105", "朝阳", 39.9215, 116.4864, 9, 12, true),
            new District("110106", "丰台", 39.8585, 116.2870, 7, 7, true),
            new District("110107", "石景山", 39.9056, 116.2229, 4, 3, true),
            new District("110108", "海淀", 39.9593, 116.2981, 9, 12, true),
            new District("110109", "门头沟", 39.9404, 116.1020, 12, 3, false),
            new District("110111", "房山", 39.7355, 116.1432, 15, 7, false),
            new District("110112", "通州", 39.9097, 116.6566, 12, 8, false),
            new District("110113", "顺义", 40.1300, 116.6546, 12, 7, false),
            new District("110114", "昌平", 40.2207, 116.2312, 14, 8, false),
            new District("110115", "大兴", 39.7267, 116.3414, 13, 8, false),
            new District("110116", "怀柔", 40.3160, 116.6318, 14, 3, false),
            new District("110117", "平谷", 40.1406, 117.1213, 12, 3, false),
            new District("110118", "密云", 40.3763, 116.8431, 16, 4, false),
            new District("110119", "延庆", 40.4653, 115.9850, 14, 3, false));

    private static final String[] TAGS = {"阅读推广", "STEM", "班主任经验", "心理健康", "科技创新", "体育特长",
            "艺术特长", "双语教学", "信息化教学", "课后服务", "劳动教育", "家校共育"};

    /** Per level, subject shares of teachers and posts (percent, 12 subjects: no separate science teachers). */
    private static final Map<TeachingLevel, Map<Subject, Integer>> SUBJECT_SHARES = Map.of(
            TeachingLevel.PRIMARY, shares(Subject.CHINESE, 30, Subject.MATH, 24, Subject.ENGLISH, 12, Subject.PE, 10,
                    Subject.ARTS, 11, Subject.POLITICS, 6, Subject.IT, 5, Subject.BIOLOGY, 2),
            TeachingLevel.JUNIOR, shares(Subject.CHINESE, 15, Subject.MATH, 15, Subject.ENGLISH, 14,
                    Subject.PHYSICS, 8, Subject.CHEMISTRY, 5, Subject.BIOLOGY, 6, Subject.POLITICS, 7,
                    Subject.HISTORY, 7, Subject.GEOGRAPHY, 6, Subject.PE, 8, Subject.ARTS, 6, Subject.IT, 3),
            TeachingLevel.SENIOR, shares(Subject.CHINESE, 13, Subject.MATH, 14, Subject.ENGLISH, 13,
                    Subject.PHYSICS, 10, Subject.CHEMISTRY, 9, Subject.BIOLOGY, 8, Subject.POLITICS, 8,
                    Subject.HISTORY, 7, Subject.GEOGRAPHY, 6, Subject.PE, 6, Subject.ARTS, 3, Subject.IT, 3));

    private record School(String code, District district, TeachingLevel level, boolean rural, GeoPoint location,
                          double size) {
    }

    private final Random random;
    private final List<School> schools = new ArrayList<>();

    private BeijingInstance(long seed) {
        this.random = new Random(seed);
    }

    public static MatchingInstance generate(long seed, int schoolCount, int teacherCount, int seatTarget) {
        return new BeijingInstance(seed).build(schoolCount, teacherCount, seatTarget);
    }

    private MatchingInstance build(int schoolCount, int teacherCount, int seatTarget) {
        createSchools(schoolCount);
        Set<SchoolLink> links = links();
        List<MatchingTeacher> teachers = teachers(teacherCount);
        List<MatchingPost> posts = posts(seatTarget);
        Map<CapKey, Integer> caps = new HashMap<>();
        Map<CapKey, Integer> groupSize = new HashMap<>();
        for (MatchingTeacher teacher : teachers) {
            groupSize.merge(new CapKey(teacher.schoolCode(), teacher.primarySubject()), 1, Integer::sum);
        }
        groupSize.forEach((key, size) -> caps.put(key, Math.max(1, size / 5)));
        Map<String, GeoPoint> locations = new HashMap<>();
        schools.forEach(s -> locations.put(s.code(), s.location()));
        Map<Long, List<Long>> preferences = preferences(teachers, posts, links);
        return new MatchingInstance(teachers, posts, caps, links, locations, preferences, true,
                MatchingWeights.DEFAULTS);
    }

    private void createSchools(int count) {
        int totalWeight = DISTRICTS.stream().mapToInt(District::weight).sum();
        int made = 0;
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = DISTRICTS.get(d);
            int inDistrict = d == DISTRICTS.size() - 1 ? count - made : count * district.weight() / totalWeight;
            for (int i = 0; i < inDistrict; i++) {
                double roll = random.nextDouble();
                TeachingLevel level = roll < 0.55 ? TeachingLevel.PRIMARY
                        : roll < 0.80 ? TeachingLevel.JUNIOR : TeachingLevel.SENIOR;
                // Outer districts: most schools outside the district town are rural or township schools.
                double spread = district.radiusKm() * Math.sqrt(random.nextDouble());
                boolean rural = !district.urban() && spread > district.radiusKm() * 0.35;
                double angle = random.nextDouble() * 2 * Math.PI;
                double lat = district.latitude() + spread * Math.sin(angle) / 111.2;
                double lon = district.longitude()
                        + spread * Math.cos(angle) / (111.2 * Math.cos(Math.toRadians(district.latitude())));
                double size = rural ? 0.6 + random.nextDouble() * 0.6 : 0.8 + random.nextDouble() * 1.2;
                schools.add(new School(String.format("%s%04d", district.code(), i + 1), district, level, rural,
                        new GeoPoint(lat, lon), size));
            }
            made += inDistrict;
        }
    }

    /** Each rural school pairs with one or two urban schools of its level; education groups ally 3–6 schools. */
    private Set<SchoolLink> links() {
        Map<TeachingLevel, List<School>> urbanByLevel = new HashMap<>();
        for (School school : schools) {
            if (school.district().urban()) {
                urbanByLevel.computeIfAbsent(school.level(), l -> new ArrayList<>()).add(school);
            }
        }
        Set<SchoolLink> links = new HashSet<>();
        for (School school : schools) {
            if (!school.rural()) {
                continue;
            }
            List<School> partners = urbanByLevel.get(school.level());
            int pairs = 1 + random.nextInt(2);
            for (int i = 0; i < pairs; i++) {
                links.add(SchoolLink.of(school.code(), partners.get(random.nextInt(partners.size())).code()));
            }
        }
        int groups = schools.size() / 20;
        for (int g = 0; g < groups; g++) {
            School head = schools.get(random.nextInt(schools.size()));
            List<School> members = new ArrayList<>(List.of(head));
            int size = 3 + random.nextInt(4);
            while (members.size() < size) {
                School other = schools.get(random.nextInt(schools.size()));
                // Mostly within the district, a few across it, always the same stage.
                boolean near = other.district() == head.district() || random.nextInt(4) == 0;
                if (other.level() == head.level() && near && !members.contains(other)) {
                    members.add(other);
                }
            }
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    links.add(SchoolLink.of(members.get(i).code(), members.get(j).code()));
                }
            }
        }
        return links;
    }

    private List<MatchingTeacher> teachers(int count) {
        double totalSize = schools.stream().mapToDouble(School::size).sum();
        List<MatchingTeacher> teachers = new ArrayList<>(count);
        long id = 1_000_000;
        double carry = 0;
        for (int s = 0; s < schools.size(); s++) {
            School school = schools.get(s);
            carry += count * school.size() / totalSize;
            int here = s == schools.size() - 1 ? count - teachers.size() : (int) Math.round(carry) - teachers.size();
            for (int i = 0; i < here; i++) {
                Subject primary = pickSubject(school.level());
                List<Subject> subjects = new ArrayList<>(List.of(primary));
                if (random.nextInt(10) == 0) {
                    Subject second = pickSubject(school.level());
                    if (second != primary) {
                        subjects.add(second);
                    }
                }
                teachers.add(new MatchingTeacher(id++, school.code(), school.district().code(), subjects,
                        school.level(), title(school.rural()), backbone(school.rural()), random.nextInt(20) == 0,
                        Set.of(tags(3)), LocalDate.of(1995, 9, 1).plusDays(random.nextInt(365 * 28)), true));
            }
        }
        return teachers;
    }

    private Title title(boolean rural) {
        double roll = random.nextDouble() + (rural ? 0.08 : 0);
        return roll < 0.10 ? Title.THIRD : roll < 0.45 ? Title.SECOND : roll < 0.83 ? Title.FIRST
                : roll < 0.99 ? Title.SENIOR : Title.PROFESSOR;
    }

    /** Backbone teachers cluster at urban schools. */
    private BackboneLevel backbone(boolean rural) {
        double roll = random.nextDouble() * (rural ? 0.85 : 1);
        return roll < 0.70 ? BackboneLevel.NONE : roll < 0.85 ? BackboneLevel.SCHOOL : roll < 0.95
                ? BackboneLevel.DISTRICT : roll < 0.99 ? BackboneLevel.MUNICIPAL : roll < 0.998
                ? BackboneLevel.SUBJECT_LEADER : BackboneLevel.SPECIAL_GRADE;
    }

    /** Demand sits mostly at rural and outer-district schools; shadowing seats only at urban ones. */
    private List<MatchingPost> posts(int seatTarget) {
        List<School> weighted = new ArrayList<>();
        for (School school : schools) {
            int copies = school.rural() ? 4 : school.district().urban() ? 1 : 2;
            for (int i = 0; i < copies; i++) {
                weighted.add(school);
            }
        }
        List<MatchingPost> posts = new ArrayList<>();
        int seats = 0;
        long id = 5_000_000;
        while (seats < seatTarget) {
            School school = weighted.get(random.nextInt(weighted.size()));
            int n = Math.min(seatTarget - seats, seatCount());
            double roll = random.nextDouble();
            PostMode mode = roll < 0.80 ? PostMode.FULL_TIME : roll < 0.95 ? PostMode.PART_TIME
                    : roll < 0.975 ? PostMode.TEAM_AID : PostMode.SECONDMENT;
            if (school.district().urban() && random.nextInt(25) == 0) {
                mode = PostMode.SHADOWING;
            }
            Title minTitle = random.nextInt(5) == 0 ? (random.nextInt(3) == 0 ? Title.SENIOR : Title.FIRST) : null;
            BackboneLevel minBackbone = random.nextInt(8) == 0
                    ? (random.nextInt(4) == 0 ? BackboneLevel.MUNICIPAL : BackboneLevel.DISTRICT) : null;
            Set<String> preferred = random.nextInt(3) == 0 ? Set.of(tags(2)) : Set.of();
            posts.add(new MatchingPost(id++, school.code(), school.district().code(), pickSubject(school.level()),
                    school.level(), n, mode, minTitle, minBackbone, preferred));
            seats += n;
        }
        return posts;
    }

    private int seatCount() {
        double roll = random.nextDouble();
        return roll < 0.40 ? 1 : roll < 0.70 ? 2 : roll < 0.90 ? 3 : 4;
    }

    /**
     * About 30% of teachers rank 3–5 posts that look right to them: their level and subject, in their district or
     * at a school their own is linked with. Requirements on title or backbone are not checked, as teachers would not.
     */
    private Map<Long, List<Long>> preferences(List<MatchingTeacher> teachers, List<MatchingPost> posts,
                                              Set<SchoolLink> links) {
        Map<String, List<MatchingPost>> byDistrictLevelSubject = new HashMap<>();
        Map<String, List<MatchingPost>> bySchool = new HashMap<>();
        for (MatchingPost post : posts) {
            byDistrictLevelSubject.computeIfAbsent(post.regionCode() + post.level() + post.subject(),
                    k -> new ArrayList<>()).add(post);
            bySchool.computeIfAbsent(post.schoolCode(), k -> new ArrayList<>()).add(post);
        }
        Map<String, List<String>> linked = new HashMap<>();
        for (SchoolLink link : links) {
            linked.computeIfAbsent(link.first(), k -> new ArrayList<>()).add(link.second());
            linked.computeIfAbsent(link.second(), k -> new ArrayList<>()).add(link.first());
        }
        Map<Long, List<Long>> preferences = new LinkedHashMap<>();
        for (MatchingTeacher teacher : teachers) {
            if (random.nextDouble() >= 0.30) {
                continue;
            }
            List<MatchingPost> looksRight = new ArrayList<>();
            for (Subject subject : teacher.subjects()) {
                looksRight.addAll(byDistrictLevelSubject.getOrDefault(
                        teacher.regionCode() + teacher.level() + subject, List.of()));
            }
            for (String school : linked.getOrDefault(teacher.schoolCode(), List.of())) {
                for (MatchingPost post : bySchool.getOrDefault(school, List.of())) {
                    if (post.level() == teacher.level() && teacher.subjects().contains(post.subject())) {
                        looksRight.add(post);
                    }
                }
            }
            looksRight.removeIf(p -> p.schoolCode().equals(teacher.schoolCode()));
            if (looksRight.isEmpty()) {
                continue;
            }
            int wanted = 3 + random.nextInt(3);
            Set<Long> ranked = new LinkedHashSet<>();
            for (int attempt = 0; attempt < wanted * 3 && ranked.size() < wanted; attempt++) {
                ranked.add(looksRight.get(random.nextInt(looksRight.size())).id());
            }
            preferences.put(teacher.id(), List.copyOf(ranked));
        }
        return preferences;
    }

    private Subject pickSubject(TeachingLevel level) {
        int roll = random.nextInt(100);
        for (Map.Entry<Subject, Integer> share : SUBJECT_SHARES.get(level).entrySet()) {
            roll -= share.getValue();
            if (roll < 0) {
                return share.getKey();
            }
        }
        throw new IllegalStateException("subject shares of " + level + " do not add up to 100");
    }

    private String[] tags(int max) {
        int n = random.nextInt(max + 1);
        Set<String> tags = new HashSet<>();
        while (tags.size() < n) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        return tags.toArray(String[]::new);
    }

    private static Map<Subject, Integer> shares(Object... subjectsAndPercents) {
        Map<Subject, Integer> shares = new LinkedHashMap<>();
        for (int i = 0; i < subjectsAndPercents.length; i += 2) {
            shares.put((Subject) subjectsAndPercents[i], (Integer) subjectsAndPercents[i + 1]);
        }
        if (shares.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new IllegalArgumentException("shares must add up to 100: " + shares);
        }
        return shares;
    }
}
