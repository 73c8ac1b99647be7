package org.xietong.rotation.matching;

import org.xietong.rotation.matching.MatchingInstance.CapKey;
import org.xietong.rotation.matching.MatchingInstance.GeoPoint;
import org.xietong.rotation.matching.MatchingInstance.SchoolLink;
import org.xietong.rotation.post.PostMode;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders with sensible defaults: an eligible primary maths teacher of S1 in district R1, a one-seat post at S2. */
final class Fixtures {

    private Fixtures() {
    }

    static TeacherBuilder teacher(long id) {
        return new TeacherBuilder(id);
    }

    static PostBuilder post(long id) {
        return new PostBuilder(id);
    }

    static MatchingInstanceBuilder problem() {
        return new MatchingInstanceBuilder();
    }

    static final class TeacherBuilder {
        private final long id;
        private String school = "S1";
        private String region = "R1";
        private List<Subject> subjects = List.of(Subject.MATH);
        private TeachingLevel level = TeachingLevel.PRIMARY;
        private Title title = Title.FIRST;
        private BackboneLevel backbone = BackboneLevel.NONE;
        private boolean cadre;
        private Set<String> tags = Set.of();
        private LocalDate joined = LocalDate.of(2015, 9, 1);
        private boolean eligible = true;

        private TeacherBuilder(long id) {
            this.id = id;
        }

        TeacherBuilder school(String school, String region) {
            this.school = school;
            this.region = region;
            return this;
        }

        TeacherBuilder subjects(Subject... subjects) {
            this.subjects = List.of(subjects);
            return this;
        }

        TeacherBuilder level(TeachingLevel level) {
            this.level = level;
            return this;
        }

        TeacherBuilder title(Title title) {
            this.title = title;
            return this;
        }

        TeacherBuilder backbone(BackboneLevel backbone) {
            this.backbone = backbone;
            return this;
        }

        TeacherBuilder cadre() {
            this.cadre = true;
            return this;
        }

        TeacherBuilder tags(String... tags) {
            this.tags = Set.of(tags);
            return this;
        }

        TeacherBuilder joined(LocalDate joined) {
            this.joined = joined;
            return this;
        }

        TeacherBuilder notEligible() {
            this.eligible = false;
            return this;
        }

        MatchingTeacher build() {
            return new MatchingTeacher(id, school, region, subjects, level, title, backbone, cadre, tags, joined,
                    eligible);
        }
    }

    static final class PostBuilder {
        private final long id;
        private String school = "S2";
        private String region = "R1";
        private Subject subject = Subject.MATH;
        private TeachingLevel level = TeachingLevel.PRIMARY;
        private int seats = 1;
        private PostMode mode = PostMode.FULL_TIME;
        private Title minTitle;
        private BackboneLevel minBackbone;
        private Set<String> preferredTags = Set.of();

        private PostBuilder(long id) {
            this.id = id;
        }

        PostBuilder school(String school, String region) {
            this.school = school;
            this.region = region;
            return this;
        }

        PostBuilder subject(Subject subject) {
            this.subject = subject;
            return this;
        }

        PostBuilder level(TeachingLevel level) {
            this.level = level;
            return this;
        }

        PostBuilder seats(int seats) {
            this.seats = seats;
            return this;
        }

        PostBuilder mode(PostMode mode) {
            this.mode = mode;
            return this;
        }

        PostBuilder minTitle(Title minTitle) {
            this.minTitle = minTitle;
            return this;
        }

        PostBuilder minBackbone(BackboneLevel minBackbone) {
            this.minBackbone = minBackbone;
            return this;
        }

        PostBuilder preferredTags(String... tags) {
            this.preferredTags = Set.of(tags);
            return this;
        }

        MatchingPost build() {
            return new MatchingPost(id, school, region, subject, level, seats, mode, minTitle, minBackbone,
                    preferredTags);
        }
    }

    static final class MatchingInstanceBuilder {
        private final List<MatchingTeacher> teachers = new ArrayList<>();
        private final List<MatchingPost> posts = new ArrayList<>();
        private final Map<CapKey, Integer> caps = new HashMap<>();
        private final Set<SchoolLink> links = new HashSet<>();
        private final Map<String, GeoPoint> locations = new HashMap<>();
        private final Map<Long, List<Long>> preferences = new HashMap<>();
        private boolean crossDistrictLinkedOnly;
        private MatchingWeights weights = MatchingWeights.DEFAULTS;

        MatchingInstanceBuilder teachers(TeacherBuilder... builders) {
            for (TeacherBuilder builder : builders) {
                teachers.add(builder.build());
            }
            return this;
        }

        MatchingInstanceBuilder teacher(MatchingTeacher teacher) {
            teachers.add(teacher);
            return this;
        }

        MatchingInstanceBuilder posts(PostBuilder... builders) {
            for (PostBuilder builder : builders) {
                posts.add(builder.build());
            }
            return this;
        }

        MatchingInstanceBuilder post(MatchingPost post) {
            posts.add(post);
            return this;
        }

        MatchingInstanceBuilder cap(String school, Subject subject, int cap) {
            caps.put(new CapKey(school, subject), cap);
            return this;
        }

        MatchingInstanceBuilder link(String schoolA, String schoolB) {
            links.add(SchoolLink.of(schoolA, schoolB));
            return this;
        }

        MatchingInstanceBuilder location(String school, double latitude, double longitude) {
            locations.put(school, new GeoPoint(latitude, longitude));
            return this;
        }

        MatchingInstanceBuilder prefers(long teacherId, Long... postIds) {
            preferences.put(teacherId, List.of(postIds));
            return this;
        }

        MatchingInstanceBuilder crossDistrictLinkedOnly() {
            crossDistrictLinkedOnly = true;
            return this;
        }

        MatchingInstanceBuilder weights(MatchingWeights weights) {
            this.weights = weights;
            return this;
        }

        MatchingInstance build() {
            return new MatchingInstance(List.copyOf(teachers), List.copyOf(posts), Map.copyOf(caps), Set.copyOf(links),
                    Map.copyOf(locations), Map.copyOf(preferences), crossDistrictLinkedOnly, weights);
        }
    }
}
