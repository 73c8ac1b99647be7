package org.xietong.systemtests.soak;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the soak works on, kept apart from the demo data a later system test loads: schools of its own in Chaoyang
 * (primary level, so the demo's junior posts never match its teachers), posts in a cycle the demo does not use, an
 * institution of its own in Leling, and bills of Changping's insured, whom no partner system covers.
 */
public final class SoakData {

    /** Chaoyang: edu-chaoyang's district, inside edu-beijing's city. */
    public static final String REGION = "110105";
    /** A rotation cycle of the default policy (from 2021, every 3 years) that no demo post starts in. */
    public static final int CYCLE = 2027;
    /** Changping: insurer-changping's home region, which no partner system covers. */
    public static final String HOME_REGION = "110114";
    /** Leling, in health-dezhou's Dezhou: where the soak's insured are treated. */
    public static final String TREATMENT_REGION = "371481";
    public static final String CATALOG_REGION = "371400";
    public static final String INSTITUTION = "H3714810901";

    /** Schools registered at the start: teachers and posts belong to these, which rotation-service already knows. */
    final List<String> urbanBase;
    final List<String> ruralBase;
    final RecentIds<String> schools = new RecentIds<>();
    final RecentIds<String> pairings = new RecentIds<>();
    final RecentIds<Long> teachers = new RecentIds<>();
    final RecentIds<String> runs = new RecentIds<>();
    final RecentIds<String> settlements = new RecentIds<>();
    private final AtomicInteger schoolNumber = new AtomicInteger();
    private final AtomicInteger teacherNumber = new AtomicInteger();
    private final AtomicInteger billNumber = new AtomicInteger();

    SoakData() {
        urbanBase = List.of(nextSchoolCode(), nextSchoolCode());
        ruralBase = List.of(nextSchoolCode(), nextSchoolCode());
    }

    /** Ten digits like every school code, in a range the demo data does not use. */
    String nextSchoolCode() {
        return String.format("98%08d", schoolNumber.incrementAndGet());
    }

    String nextStaffNumber() {
        return "SOAK-" + teacherNumber.incrementAndGet();
    }

    String nextBillId() {
        return "SOAK-BILL-" + billNumber.incrementAndGet();
    }

    List<String> baseSchools() {
        return List.of(urbanBase.get(0), urbanBase.get(1), ruralBase.get(0), ruralBase.get(1));
    }
}
