package org.xietong.rotation.teacher;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xietong.platform.persistence.TrackedEntity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "teacher")
public class Teacher extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_number", nullable = false, length = 32)
    public String staffNumber;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    public Gender gender;

    /** Primary subject first. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] subjects;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public TeachingLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Title title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public BackboneLevel backbone;

    @Column(name = "school_code", nullable = false, length = 10)
    public String schoolCode;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Column(name = "joined_school_on", nullable = false)
    public LocalDate joinedSchoolOn;

    @Column(nullable = false)
    public boolean cadre;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    public TeacherStatus status;

    @Column(name = "resident_id", length = 18)
    public String residentId;

    @Enumerated(EnumType.STRING)
    @Column(length = 14)
    public LeadershipPosition position;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "leadership_terms", nullable = false, columnDefinition = "jsonb")
    public List<LeadershipTerm> leadershipTerms = List.of();

    public List<Subject> subjectList() {
        return Arrays.stream(subjects).map(Subject::valueOf).toList();
    }

    public Set<String> tagSet() {
        return new TreeSet<>(Arrays.asList(tags));
    }
}
