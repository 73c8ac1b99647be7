package org.xietong.platform.security;

import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.region.RegionCode;

import java.util.Collection;
import java.util.Optional;

/**
 * What a caller may see and change, from the token's claims. {@code region_code} is hierarchical by GB/T 2260
 * prefix (110000 covers all of Beijing, 150700 covers 1507xx); {@code school_code} or {@code institution_code}
 * narrow it to one school or institution; platform admins see everything. A caller with no valid region sees
 * nothing.
 * <p>
 * Reading a single object outside the scope answers 404 (its existence is not disclosed), changing it 403.
 */
public record RegionScope(boolean all, String regionPrefix, Optional<String> school, Optional<String> institution) {

    public static final RegionScope EVERYTHING = new RegionScope(true, "", Optional.empty(), Optional.empty());
    public static final RegionScope NOTHING = new RegionScope(false, null, Optional.empty(), Optional.empty());

    public static RegionScope of(String regionCode, Optional<String> school, Optional<String> institution) {
        if (!RegionCode.isValid(regionCode)) {
            return NOTHING;
        }
        return new RegionScope(false, RegionCode.scopePrefix(regionCode), school, institution);
    }

    public boolean isEmpty() {
        return !all && regionPrefix == null;
    }

    /** Whether anything located in this region is within scope (ignoring school and institution narrowing). */
    public boolean covers(String regionCode) {
        return all || (regionPrefix != null && RegionCode.isValid(regionCode) && regionCode.startsWith(regionPrefix));
    }

    /** A cross-region object (say a Beijing–Inner Mongolia pairing) is visible to either side. */
    public boolean coversAny(Collection<String> regionCodes) {
        return regionCodes.stream().anyMatch(this::covers);
    }

    /** Whether a school-bound caller may see this school's objects: the region must match, and the school too. */
    public boolean coversSchool(String regionCode, String schoolCode) {
        return covers(regionCode) && school.map(schoolCode::equals).orElse(true);
    }

    public boolean coversInstitution(String regionCode, String institutionCode) {
        return covers(regionCode) && institution.map(institutionCode::equals).orElse(true);
    }

    /** The prefix lists are filtered by: "" for everything; refuses a caller without a region. */
    public String listingPrefix() {
        if (isEmpty()) {
            throw ProblemException.forbidden("Your account has no region; ask an administrator");
        }
        return all ? "" : regionPrefix;
    }

    /** For reads of one object: out of scope is "not found", so object ids cannot be probed. */
    public void requireReadable(boolean inScope, String what) {
        if (!inScope) {
            throw ProblemException.notFound(what);
        }
    }

    /** For changes: out of scope is forbidden. */
    public void requireWritable(boolean inScope, String what) {
        if (!inScope) {
            throw ProblemException.forbidden(what + " is outside your scope");
        }
    }
}
