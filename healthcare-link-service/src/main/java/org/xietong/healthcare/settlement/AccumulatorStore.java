package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.xietong.healthcare.settlement.engine.Accumulators;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The person-year accumulator rows; {@link #lock} holds the row until the settling transaction ends. The table is
 * written only with PostgreSQL arrays ({@code unnest}), {@code ON CONFLICT} and {@code FOR UPDATE}, so it is read and
 * written over JDBC, never through the persistence context, and a row becomes {@link Accumulators} in one place.
 */
@ApplicationScoped
public class AccumulatorStore {

    private static final String COLUMNS = "deductible_used, basic_fund_used, serious_burden, serious_paid, "
            + "assistance_paid, fallback_paid";

    private final EntityManager em;

    public AccumulatorStore(EntityManager em) {
        this.em = em;
    }

    public Accumulators read(Account account, int year) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM settlement_accumulator WHERE home_region = ? AND person_id = ? AND year = ?")) {
                select.setString(1, account.homeRegion());
                select.setString(2, account.personId());
                select.setInt(3, year);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? accumulators(rows, 1) : Accumulators.EMPTY;
                }
            }
        });
    }

    /** Creates the row if needed, then locks it: a concurrent settlement of the person waits here. */
    public Accumulators lock(Account account, int year) {
        return lockAll(List.of(new Key(account, year))).get(new Key(account, year));
    }

    public void write(Account account, int year, Accumulators a) {
        writeAll(Map.of(new Key(account, year), a));
    }

    /** One person's year of accumulators. */
    public record Key(Account account, int year) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byRegion = account.homeRegion().compareTo(other.account.homeRegion());
            int byPerson = account.personId().compareTo(other.account.personId());
            return byRegion != 0 ? byRegion : byPerson != 0 ? byPerson : Integer.compare(year, other.year);
        }
    }

    /**
     * Creates and locks many rows in two statements, always in key order, so two batches locking overlapping people
     * wait for each other instead of deadlocking. Keys travel as three arrays: a row-value IN list of hundreds of
     * tuples cost the planner more than the rows cost the executor.
     */
    public Map<Key, Accumulators> lockAll(Collection<Key> keys) {
        List<Key> sorted = keys.stream().distinct().sorted().toList();
        Map<Key, Accumulators> locked = new HashMap<>();
        if (sorted.isEmpty()) {
            return locked;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO settlement_accumulator "
                    + "(home_region, person_id, year) SELECT * FROM unnest(?, ?, ?) ON CONFLICT DO NOTHING")) {
                bindKeys(connection, insert, sorted);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT a.home_region, a.person_id, a.year, "
                    + COLUMNS + " FROM settlement_accumulator a JOIN unnest(?, ?, ?) AS k(h, p, y) "
                    + "ON a.home_region = k.h AND a.person_id = k.p AND a.year = k.y "
                    + "ORDER BY a.home_region, a.person_id, a.year FOR UPDATE OF a")) {
                bindKeys(connection, select, sorted);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        locked.put(new Key(new Account(rows.getString(1), rows.getString(2)), rows.getInt(3)),
                                accumulators(rows, 4));
                    }
                }
            }
        });
        return locked;
    }

    /** Writes many rows in one statement. */
    public void writeAll(Map<Key, Accumulators> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Key> keys = new ArrayList<>(rows.keySet());
        BigDecimal[][] columns = new BigDecimal[6][keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Accumulators a = rows.get(keys.get(i));
            columns[0][i] = a.deductibleUsed();
            columns[1][i] = a.basicFundUsed();
            columns[2][i] = a.seriousBurden();
            columns[3][i] = a.seriousPaid();
            columns[4][i] = a.assistancePaid();
            columns[5][i] = a.fallbackPaid();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE settlement_accumulator AS a SET "
                    + "deductible_used = v.d, basic_fund_used = v.f, serious_burden = v.sb, serious_paid = v.sp, "
                    + "assistance_paid = v.ap, fallback_paid = v.fp FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "AS v(h, p, y, d, f, sb, sp, ap, fp) "
                    + "WHERE a.home_region = v.h AND a.person_id = v.p AND a.year = v.y")) {
                bindKeys(connection, update, keys);
                for (int c = 0; c < 6; c++) {
                    update.setArray(4 + c, connection.createArrayOf("numeric", columns[c]));
                }
                update.executeUpdate();
            }
        });
    }

    private static void bindKeys(Connection connection, PreparedStatement statement, List<Key> keys)
            throws SQLException {
        statement.setArray(1, connection.createArrayOf("varchar",
                keys.stream().map(k -> k.account().homeRegion()).toArray()));
        statement.setArray(2, connection.createArrayOf("varchar",
                keys.stream().map(k -> k.account().personId()).toArray()));
        statement.setArray(3, connection.createArrayOf("int4", keys.stream().map(Key::year).toArray()));
    }

    /** The row's {@link #COLUMNS}, the first at {@code first}: the one place a row becomes accumulators. */
    private static Accumulators accumulators(ResultSet row, int first) throws SQLException {
        return new Accumulators(money(row.getBigDecimal(first)), money(row.getBigDecimal(first + 1)),
                money(row.getBigDecimal(first + 2)), money(row.getBigDecimal(first + 3)),
                money(row.getBigDecimal(first + 4)), money(row.getBigDecimal(first + 5)));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2);
    }
}
