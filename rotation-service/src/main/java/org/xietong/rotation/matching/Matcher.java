package org.xietong.rotation.matching;

/** Proposes teachers for posts; never changes the problem. */
public interface Matcher {

    MatchingResult match(MatchingInstance problem);
}
