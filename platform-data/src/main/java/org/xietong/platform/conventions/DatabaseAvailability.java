package org.xietong.platform.conventions;

import org.hibernate.exception.JDBCConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is away (stopped, restarting, unreachable, out of connections) from a request or a program
 * that is wrong. The first passes by itself, so a caller should retry; the second would fail again.
 */
public final class DatabaseAvailability {

    /** Causes deeper than this are not looked at: wrappers never nest that far, a cycle would go on forever. */
    private static final int MAX_DEPTH = 32;

    private DatabaseAvailability() {
    }

    /** True when {@code failure}, or anything it wraps, says the database cannot be reached at the moment. */
    public static boolean isUnavailable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && (isUnavailableState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception: refused, broken, lost), 57P01–57P03 (terminated by a shutdown, crash
     * recovery, cannot connect now) and 53300 (too many connections).
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    /** Agroal's answer when no connection could be had within the acquisition timeout; it carries no SQL state. */
    private static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
