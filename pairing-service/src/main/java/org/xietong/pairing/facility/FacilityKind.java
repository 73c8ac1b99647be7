package org.xietong.pairing.facility;

/** What a school shares: a farm base, an open library, a lab, a course, a venue. */
public enum FacilityKind { FARM, LIBRARY, LAB, COURSE, VENUE, OTHER }
