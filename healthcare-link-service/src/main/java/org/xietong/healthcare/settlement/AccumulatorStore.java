package org.xietong.healthcare.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.xietong.healthcare.settlement.engine.Accumulators;

import java.math.BigDecimal;
import java.util.List;

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
        em.createNativeQuery("INSERT INTO settlement_accumulator (person_id, year, home_region) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, account.personId()).setParameter(2, year).setParameter(3, account.homeRegion())
                .executeUpdate();
        return select("SELECT " + COLUMNS + " FROM settlement_accumulator WHERE home_region = ?3 AND person_id = ?1 "
                + "AND year = ?2 FOR UPDATE", account, year);
    }

    public void write(Account account, int year, Accumulators a) {
        em.createNativeQuery("UPDATE settlement_accumulator SET deductible_used = ?3, basic_fund_used = ?4, "
                        + "serious_burden = ?5, serious_paid = ?6, assistance_paid = ?7, fallback_paid = ?8 "
                        + "WHERE person_id = ?1 AND year = ?2 AND home_region = ?9")
                .setParameter(1, account.personId()).setParameter(2, year).setParameter(9, account.homeRegion())
                .setParameter(3, a.deductibleUsed()).setParameter(4, a.basicFundUsed())
                .setParameter(5, a.seriousBurden()).setParameter(6, a.seriousPaid())
                .setParameter(7, a.assistancePaid()).setParameter(8, a.fallbackPaid())
                .executeUpdate();
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
