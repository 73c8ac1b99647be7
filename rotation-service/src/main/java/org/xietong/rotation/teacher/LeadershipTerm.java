package org.xietong.rotation.teacher;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** One term (任期) a principal or vice-principal served, or is serving, at the current school; {@code end} null while it runs. */
public record LeadershipTerm(@NotNull LocalDate start, LocalDate end) {
}
