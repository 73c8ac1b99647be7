package org.xietong.platform.conventions;

import java.util.OptionalInt;

/**
 * The longest text a regular expression can match, when it is bounded: {@code [1-9][0-9]{0,5}} matches at most 6
 * characters, {@code [A-Z]+} has no bound. Understands what the services' patterns use (literals, escapes, classes,
 * groups, alternation, the quantifiers ? * + {n} {n,} {n,m}); anything else (a back-reference, a lookaround) gives
 * no bound rather than a wrong one.
 */
final class RegexLength {

    private static final int UNBOUNDED = -1;

    private final String regex;
    private int at;

    private RegexLength(String regex) {
        this.regex = regex;
    }

    static OptionalInt of(String regex) {
        try {
            RegexLength parser = new RegexLength(regex);
            int max = parser.alternatives();
            return max == UNBOUNDED || parser.at != regex.length() ? OptionalInt.empty() : OptionalInt.of(max);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return OptionalInt.empty();
        }
    }

    /** a|b|c up to the end or a closing parenthesis: the longest alternative. */
    private int alternatives() {
        int max = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            max = longer(max, sequence());
        }
        return max;
    }

    private int sequence() {
        int total = 0;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            int atom = atom();
            int times = quantifier();
            if (atom == 0) {
                continue; // an anchor or a boundary, however often
            }
            total = atom == UNBOUNDED || times == UNBOUNDED || total == UNBOUNDED ? UNBOUNDED : total + atom * times;
        }
        return total;
    }

    private int atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return 0;
            }
            case '(' -> {
                if (regex.startsWith("?:", at)) {
                    at += 2;
                } else if (regex.charAt(at) == '?') {
                    throw new IllegalArgumentException("lookaround or flags");
                }
                int inner = alternatives();
                if (regex.charAt(at++) != ')') {
                    throw new IllegalArgumentException("unclosed group");
                }
                return inner;
            }
            case '[' -> {
                skipClass();
                return 1;
            }
            case '\\' -> {
                char escaped = regex.charAt(at++);
                if (Character.isDigit(escaped) || escaped == 'k' || escaped == 'Q') {
                    throw new IllegalArgumentException("back-reference or quoting");
                }
                if (escaped == 'x') {
                    at += 2;
                } else if (escaped == 'u') {
                    at += 4;
                } else if (escaped == 'p' || escaped == 'P') {
                    at = regex.charAt(at) == '{' ? regex.indexOf('}', at) + 1 : at + 1;
                }
                return escaped == 'b' || escaped == 'B' || escaped == 'A' || escaped == 'z' || escaped == 'Z' ? 0 : 1;
            }
            default -> {
                return 1;
            }
        }
    }

    private void skipClass() {
        if (regex.charAt(at) == '^') {
            at++;
        }
        if (regex.charAt(at) == ']') {
            at++;
        }
        while (regex.charAt(at) != ']') {
            if (regex.charAt(at) == '\\') {
                at++;
            } else if (regex.charAt(at) == '[') {
                throw new IllegalArgumentException("nested class");
            }
            at++;
        }
        at++;
    }

    /** How many times the atom before may repeat at most. */
    private int quantifier() {
        if (at >= regex.length()) {
            return 1;
        }
        int times;
        char c = regex.charAt(at);
        if (c == '?') {
            at++;
            times = 1;
        } else if (c == '*' || c == '+') {
            at++;
            times = UNBOUNDED;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            String[] range = regex.substring(at + 1, close).split(",", -1);
            at = close + 1;
            String upper = range[range.length - 1].trim();
            times = upper.isEmpty() ? UNBOUNDED : Integer.parseInt(upper);
        } else {
            return 1;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        return times;
    }

    private static int longer(int a, int b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : Math.max(a, b);
    }
}
