package org.xietong.healthcare.consortium;

/** 医联体, 专科联盟 (with a specialty) or a remote-consultation network (远程医疗协作网). */
public enum ConsortiumKind {
    MEDICAL_CONSORTIUM, SPECIALTY_ALLIANCE, REMOTE_NETWORK
}
