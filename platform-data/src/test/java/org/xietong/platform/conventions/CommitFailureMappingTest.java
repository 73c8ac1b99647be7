package org.xietong.platform.conventions;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;
import org.xietong.platform.problem.Problem;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.xietong.platform.conventions.DatabaseOutageMappingTest.uri;

/**
 * A write the database refuses only when the transaction commits (Hibernate flushes then) reaches the resource
 * wrapped twice: in the transaction's rollback, then in Arc's wrapper for an undeclared checked exception. It must
 * be answered for what the database said, as if it had been thrown bare. (Two parallel registrations of one
 * institution code answered 500 before.)
 */
class CommitFailureMappingTest {

    private final PersistenceProblemMappers mappers = new PersistenceProblemMappers();

    @Test
    void aUniqueValueStoredByAParallelRequestAtCommitIsAConflict() {
        SQLException duplicate = new SQLException("ERROR: duplicate key value violates unique constraint \"institution_pkey\""
                + " Detail: Key (code)=(H6501029977) already exists.", "23505");
        ConstraintViolationException violation = new ConstraintViolationException("could not execute batch",
                new BatchUpdateException("Batch entry 0 insert into institution", "23505", 0, new int[0], duplicate),
                "insert into institution", ConstraintViolationException.ConstraintKind.UNIQUE, "institution_pkey");

        Response response = mappers.atCommit(committing(violation), uri("/api/v1/healthcare/institutions"));

        assertEquals(409, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("https://xietong.org/problems/conflict", problem.type().toString());
        assertEquals("/api/v1/healthcare/institutions", problem.instance());
        assertFalse(problem.detail().contains("H6501029977"), "the stored value is not echoed: " + problem.detail());
    }

    @Test
    void aStaleVersionAtCommitIsAFailedPrecondition() {
        Response response = mappers.atCommit(committing(new StaleObjectStateException("Institution", "H1")),
                uri("/api/v1/healthcare/institutions/H1"));

        assertEquals(412, response.getStatus());
    }

    @Test
    void aValueTheDatabaseCannotTakeAtCommitIsBadInput() {
        Response response = mappers.atCommit(committing(new DataException("insert",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))), uri("/api/v1/x"));

        assertEquals(400, response.getStatus());
    }

    @Test
    void anythingElseAtCommitStaysAnInternalError() {
        Response response = mappers.atCommit(committing(new IllegalStateException("a bug")), uri("/api/v1/x"));

        assertEquals(500, response.getStatus());
    }

    /** As the transaction interceptor hands a failed commit on. */
    private static ArcUndeclaredThrowableException committing(RuntimeException failure) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(failure);
        return new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
    }
}
