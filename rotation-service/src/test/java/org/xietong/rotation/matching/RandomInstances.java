package org.xietong.rotation.matching;

import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Small seeded instances that hit every rule: four schools in two districts, three subjects, two levels, every
 * mode, caps (including zero), links, preferences with unknown and incompatible posts, and ids out of order.
 */
final class RandomInstances {

    private static final String[] SCHOOLS = {"S1", "S2", "S3", "S4"};
    private static final Subject[] SUBJECTS = {Subject.MATH, Subject.CHINESE, Subject.ENGLISH};
    private static final String[] TAGS = {"STEM", "阅读推广", "班主任经验"};

    private RandomInstances() {
    }

    static String region(String school) {
        return school.equals("S1") || school.equals("S2") ? "R1" : "R2";
    }

    static MatchingInstance generate(long seed, int maxTeachers, int maxPosts) {
        Random random = new Random(seed);
        Fixtures.MatchingInstanceBuilder problem = Fixtures.problem();
        List<Long> teacherIds = distinctIds(random, 1 + random.nextInt(maxTeachers));
        List<Long> postIds = distinctIds(random, 1 + random.nextInt(maxPosts));
        for (long id : teacherIds) {
            String school = pick(random, SCHOOLS);
            Subject primary = pick(random, SUBJECTS);
            Fixtures.TeacherBuilder teacher = Fixtures.teacher(id).school(school, region(school))
                    .level(random.nextInt(4) == 0 ? TeachingLevel.JUNIOR : TeachingLevel.PRIMARY)
                    .title(Title.values()[random.nextInt(Title.values().length)])
                    .backbone(BackboneLevel.values()[random.nextInt(BackboneLevel.values().length)])
                    .tags(someTags(random))
                    .joined(random.nextInt(6) == 0 ? null : LocalDate.of(2000 + random.nextInt(4), 9, 1));
            if (random.nextInt(3) == 0) {
                Subject second = pick(random, SUBJECTS);
                teacher.subjects(second == primary ? new Subject[] {primary} : new Subject[] {primary, second});
            } else {
                teacher.subjects(primary);
            }
            if (random.nextInt(3) == 0) {
                teacher.cadre();
            }
            if (random.nextInt(5) == 0) {
                teacher.notEligible();
            }
            problem.teachers(teacher);
            if (random.nextInt(4) == 0) {
                problem.cap(school, primary, random.nextInt(3));
            }
        }
        for (long id : postIds) {
            String school = pick(random, SCHOOLS);
            PostMode mode = random.nextInt(3) == 0 ? pick(random, PostMode.values()) : PostMode.FULL_TIME;
            Fixtures.PostBuilder post = Fixtures.post(id).school(school, region(school))
                    .subject(pick(random, SUBJECTS))
                    .level(random.nextInt(4) == 0 ? TeachingLevel.JUNIOR : TeachingLevel.PRIMARY)
                    .seats(random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(3))
                    .mode(mode)
                    .preferredTags(someTags(random));
            if (random.nextInt(4) == 0) {
                post.minTitle(Title.values()[random.nextInt(Title.values().length)]);
            }
            if (random.nextInt(4) == 0) {
                post.minBackbone(BackboneLevel.values()[random.nextInt(BackboneLevel.values().length)]);
            }
            problem.posts(post);
        }
        for (int i = 0; i < SCHOOLS.length; i++) {
            for (int j = i + 1; j < SCHOOLS.length; j++) {
                if (random.nextInt(3) == 0) {
                    problem.link(SCHOOLS[i], SCHOOLS[j]);
                }
            }
            if (random.nextInt(4) != 0) {
                problem.location(SCHOOLS[i], 39.6 + random.nextDouble() * 0.8, 116.0 + random.nextDouble() * 0.8);
            }
        }
        for (long id : teacherIds) {
            if (random.nextBoolean()) {
                List<Long> ranked = new ArrayList<>(postIds);
                Collections.shuffle(ranked, random);
                ranked = new ArrayList<>(ranked.subList(0, 1 + random.nextInt(ranked.size())));
                if (random.nextInt(5) == 0) {
                    ranked.add(random.nextInt(ranked.size() + 1), 999_999L);
                }
                problem.prefers(id, ranked.toArray(Long[]::new));
            }
        }
        if (random.nextBoolean()) {
            problem.crossDistrictLinkedOnly();
        }
        problem.weights(random.nextInt(3) == 0 ? MatchingWeights.DEFAULTS
                : new MatchingWeights(random.nextInt(12), random.nextInt(6), random.nextInt(4), random.nextInt(25),
                random.nextInt(31), random.nextInt(11), random.nextInt(3)));
        return problem.build();
    }

    private static List<Long> distinctIds(Random random, int count) {
        Set<Long> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(1L + random.nextInt(500));
        }
        List<Long> list = new ArrayList<>(ids);
        Collections.shuffle(list, random);
        return list;
    }

    private static String[] someTags(Random random) {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add(tag);
            }
        }
        return tags.toArray(String[]::new);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
