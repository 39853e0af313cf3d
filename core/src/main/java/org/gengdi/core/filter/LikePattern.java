package org.gengdi.core.filter;

/**
 * Rewrites a {@link Filter.Like} pattern into a back end's pattern language, reading it exactly as
 * {@link FilterEvaluator#likePattern} does: first the escape character, which makes the next character literal
 * (a trailing escape character is read like any other character); then the wild card (any run of characters); then
 * the single character (one character); every other character is literal.
 */
public final class LikePattern {

    /** How a pattern language spells one literal character. */
    @FunctionalInterface
    public interface Literal {
        void append(StringBuilder out, char ch);
    }

    private LikePattern() {
    }

    /**
     * The pattern in another language.
     *
     * @param anyRun  what stands for the wild card (e.g. {@code %}, {@code *})
     * @param anyOne  what stands for the single character (e.g. {@code _}, {@code ?})
     * @param literal how a character that must match itself is written
     */
    public static String rewrite(Filter.Like like, String anyRun, String anyOne, Literal literal) {
        String p = like.pattern();
        StringBuilder out = new StringBuilder(p.length() + 8);
        for (int k = 0; k < p.length(); k++) {
            char ch = p.charAt(k);
            if (ch == like.escape() && k + 1 < p.length()) {
                literal.append(out, p.charAt(++k));
            } else if (ch == like.wildCard()) {
                out.append(anyRun);
            } else if (ch == like.singleChar()) {
                out.append(anyOne);
            } else {
                literal.append(out, ch);
            }
        }
        return out.toString();
    }

    /**
     * The pattern for SQL's {@code LIKE … ESCAPE 'escape'}: {@code %} and {@code _}, with the escape character
     * before literal {@code %}, {@code _} and escape characters.
     *
     * @throws IllegalArgumentException when the escape character is {@code %} or {@code _}
     */
    public static String toSql(Filter.Like like, char escape) {
        if (escape == '%' || escape == '_') {
            throw new IllegalArgumentException("SQL LIKE cannot escape with " + escape);
        }
        return rewrite(like, "%", "_", (out, ch) -> {
            if (ch == '%' || ch == '_' || ch == escape) {
                out.append(escape);
            }
            out.append(ch);
        });
    }
}
