package org.xietong.platform.conventions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegexLengthTest {

    @ParameterizedTest(name = "{0} matches at most {1}")
    @CsvSource(delimiter = '→', value = {
            "[1-9][0-9]{0,5} → 6",
            "^[A-Z]{2}$ → 2",
            "H[0-9]{10} → 11",
            "[0-9]{17}[0-9Xx] → 18",
            "(ab|c)? → 2",
            "(?:[a-z]{1,3}-)?[0-9]{4} → 8",
            "\\d{6} → 6",
            "[\\x21-\\x7e]{1,200} → 200",
            "[^,]{0,40} → 40",
            "a|bcd|ef → 3"})
    void aBoundedPatternGivesItsLongestMatch(String regex, int longest) {
        assertEquals(OptionalInt.of(longest), RegexLength.of(regex));
    }

    @ParameterizedTest(name = "{0} has no bound")
    @CsvSource(delimiter = '→', value = {"[A-Z]+ →", "a* →", "[0-9]{3,} →", "(a)\\1 →", "(?=a)b →", "(a →"})
    void anUnboundedOrUnknownPatternGivesNone(String regex) {
        assertEquals(OptionalInt.empty(), RegexLength.of(regex));
    }
}
