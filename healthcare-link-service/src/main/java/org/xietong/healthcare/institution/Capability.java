package org.xietong.healthcare.institution;

/** What an institution is accredited or equipped for. */
public enum Capability {
    /** Accredited long-term-care disability assessor (长护险评估机构). */
    LTC_ASSESSOR,
    /** A node of a remote-consultation network (远程会诊). */
    REMOTE_CONSULTATION,
    /** Designated dialysis centre (透析定点). */
    DIALYSIS_CENTRE
}
