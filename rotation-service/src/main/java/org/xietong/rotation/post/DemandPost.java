package org.xietong.rotation.post;

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
import org.xietong.contracts.rotation.PostChanged;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** A receiving school's need (按需定岗): seats of a subject and level, in a mode, for a term. */
@Entity
@Table(name = "demand_post")
public class DemandPost extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code", nullable = false, length = 10)
    public String schoolCode;

    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Subject subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public TeachingLevel level;

    @Column(nullable = false)
    public int seats;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public PostMode mode;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public int months;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_title", length = 10)
    public Title minTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_backbone", length = 16)
    public BackboneLevel minBackbone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_tags", nullable = false, columnDefinition = "text[]")
    public String[] preferredTags;

    @Column(length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public PostStatus status;

    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "dispatched_by", length = 100)
    public String dispatchedBy;

    public Set<String> preferredTagSet() {
        return new TreeSet<>(Arrays.asList(preferredTags));
    }

    PostChanged event() {
        return new PostChanged(id, schoolCode, regionCode, subject.name(), level.name(), seats, mode.name(), startDate,
                months, status.name());
    }
}
