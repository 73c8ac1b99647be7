package org.xietong.healthcare.settlement.engine;

/** The insured person: where they are insured, under which scheme, and their assistance category (null if none). */
public record Insured(String personId, String homeRegion, Scheme scheme, String assistanceCategory) {
}
