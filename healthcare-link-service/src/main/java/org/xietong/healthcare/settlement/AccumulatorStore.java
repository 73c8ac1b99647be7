package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.xietong.healthcare.settlement.engine.Accumulators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The person-year accumulator rows; {@link #lock} holds the row until the settling transaction ends. */
@ApplicationScoped
public class AccumulatorStore {

    private static final String COLUMNS = "deductible_used, basic_fund_used, serious_burden, serious_paid, "
            + "assistance_paid, fallback_paid";

    private final EntityManager em;

    public AccumulatorStore(EntityManager em) {
        this.em = em;
    }

    public Accumulators read(Account account, int year) {
        return select("SELECT " + COLUMNS + " FROM settlement_accumulator WHERE home_region = ?3 AND person_id = ?1 "
                + "AND year = ?2", account, year);
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
     * wait for each other instead of deadlocking.
     */
    public Map<Key, Accumulators> lockAll(Collection<Key> keys) {
        List<Key> sorted = keys.stream().distinct().sorted().toList();
        Map<Key, Accumulators> locked = new HashMap<>();
        if (sorted.isEmpty()) {
            return locked;
        }
        String values = tuples(sorted.size(), 3);
        bind(em.createNativeQuery("INSERT INTO settlement_accumulator (home_region, person_id, year) VALUES " + values
                + " ON CONFLICT DO NOTHING"), sorted).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("SELECT home_region, person_id, year, " + COLUMNS
                + " FROM settlement_accumulator WHERE (home_region, person_id, year) IN (" + values + ") "
                + "ORDER BY home_region, person_id, year FOR UPDATE"), sorted).getResultList();
        for (Object[] row : rows) {
            locked.put(new Key(new Account((String) row[0], (String) row[1]), ((Number) row[2]).intValue()),
                    new Accumulators(money(row[3]), money(row[4]), money(row[5]), money(row[6]), money(row[7]),
                            money(row[8])));
        }
        return locked;
    }

    /** Writes many rows in one statement. */
    public void writeAll(Map<Key, Accumulators> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Accumulators>> entries = new ArrayList<>(rows.entrySet());
        StringBuilder values = new StringBuilder();
        int n = 1;
        for (int i = 0; i < entries.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(?").append(n++).append(", ?").append(n++).append(", ?").append(n++);
            for (int c = 0; c < 6; c++) {
                values.append(", CAST(?").append(n++).append(" AS numeric)");
            }
            values.append(')');
        }
        Query update = em.createNativeQuery("UPDATE settlement_accumulator AS a SET deductible_used = v.d, "
                + "basic_fund_used = v.f, serious_burden = v.sb, serious_paid = v.sp, assistance_paid = v.ap, "
                + "fallback_paid = v.fp FROM (VALUES " + values + ") AS v(h, p, y, d, f, sb, sp, ap, fp) "
                + "WHERE a.home_region = v.h AND a.person_id = v.p AND a.year = v.y");
        int position = 1;
        for (Map.Entry<Key, Accumulators> entry : entries) {
            Accumulators a = entry.getValue();
            update.setParameter(position++, entry.getKey().account().homeRegion());
            update.setParameter(position++, entry.getKey().account().personId());
            update.setParameter(position++, entry.getKey().year());
            for (BigDecimal value : List.of(a.deductibleUsed(), a.basicFundUsed(), a.seriousBurden(), a.seriousPaid(),
                    a.assistancePaid(), a.fallbackPaid())) {
                update.setParameter(position++, value);
            }
        }
        update.executeUpdate();
    }

    private static String tuples(int count, int width) {
        StringBuilder sql = new StringBuilder();
        int n = 1;
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                sql.append(c == 0 ? "?" : ", ?").append(n++);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private static Query bind(Query query, List<Key> keys) {
        int n = 1;
        for (Key key : keys) {
            query.setParameter(n++, key.account().homeRegion());
            query.setParameter(n++, key.account().personId());
            query.setParameter(n++, key.year());
        }
        return query;
    }

    private Accumulators select(String sql, Account account, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, account.personId()).setParameter(2, year)
                .setParameter(3, account.homeRegion()).getResultList();
        if (rows.isEmpty()) {
            return Accumulators.EMPTY;
        }
        Object[] row = rows.get(0);
        return new Accumulators(money(row[0]), money(row[1]), money(row[2]), money(row[3]), money(row[4]), money(row[5]));
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2);
    }
}
