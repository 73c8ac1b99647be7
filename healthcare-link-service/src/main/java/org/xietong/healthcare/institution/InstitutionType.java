package org.xietong.healthcare.institution;

/** General hospital, traditional Chinese medicine (中医), or specialty hospital. */
public enum InstitutionType {
    GENERAL, TCM, SPECIALTY
}
