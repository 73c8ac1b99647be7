package org.xietong.healthcare.settlement.engine;

/** Basic medical insurance scheme: urban employees (职工医保) or urban and rural residents (居民医保). */
public enum Scheme {
    EMPLOYEE, RESIDENT
}
