package org.xietong.rotation.post;

/**
 * How a demand post is filled: full-time or part-time rotation, a shadowing (跟岗) learning seat at a strong school
 * for teachers of a school it supports, a secondment (挂职) for cadres, or team aid (组团式帮扶): a cadre leading
 * members to one school.
 */
public enum PostMode {
    FULL_TIME, PART_TIME, SHADOWING, SECONDMENT, TEAM_AID
}
