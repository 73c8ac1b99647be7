package org.xietong.rotation.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One post a teacher ranks: 1 is their first choice. */
@Entity
@Table(name = "teacher_preference")
@IdClass(TeacherPreference.Key.class)
public class TeacherPreference extends PanacheEntityBase {

    public static class Key implements Serializable {

        public Long teacherId;
        public Long postId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(teacherId, key.teacherId)
                    && Objects.equals(postId, key.postId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teacherId, postId);
        }
    }

    @Id
    @Column(name = "teacher_id")
    public Long teacherId;

    @Id
    @Column(name = "post_id")
    public Long postId;

    @Column(nullable = false)
    public int rank;

    /** A teacher's ranking as a whole, best first: teacher id with a ranked post's id. */
    public record RankedPost(long teacherId, long postId) {
    }
}
