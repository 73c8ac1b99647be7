package org.xietong.rotation.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** Two schools linked by one source (a pairing or an alliance), school A's code before school B's. */
@Entity
@Table(name = "school_link")
@IdClass(StoredSchoolLink.Key.class)
public class StoredSchoolLink extends PanacheEntityBase {

    public static class Key implements Serializable {

        public String sourceId;
        public String schoolA;
        public String schoolB;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sourceId, key.sourceId)
                    && Objects.equals(schoolA, key.schoolA) && Objects.equals(schoolB, key.schoolB);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sourceId, schoolA, schoolB);
        }
    }

    @Id
    @Column(name = "source_id", length = 64)
    public String sourceId;

    @Id
    @Column(name = "school_a", length = 10)
    public String schoolA;

    @Id
    @Column(name = "school_b", length = 10)
    public String schoolB;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public SchoolLinks.Kind kind;
}
