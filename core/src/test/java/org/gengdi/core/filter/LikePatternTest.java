package org.gengdi.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikePatternTest {

    private static final List<Filter.Like> PATTERNS = List.of(
            Filter.Like.sql("A", "王%_\\%\\_*?[]"),
            Filter.Like.sql("A", "end\\"),
            Filter.Like.sql("A", "\\\\%"),
            Filter.Like.sql("A", ""),
            Filter.Like.sql("A", "𡌶%村_"),
            new Filter.Like("A", "a*b.c!*!!", '*', '.', '!', true),
            new Filter.Like("A", "01*!*.%_\\", '*', '.', '!', true),
            new Filter.Like("A", "**..!!!", '*', '.', '!', false),
            new Filter.Like("A", "x%x", '%', '%', '%', true),   // escape wins over wild card over single character
            new Filter.Like("A", "x%x", '%', '%', '!', true));

    @Test
    void sqlPatterns() {
        assertThat(LikePattern.toSql(new Filter.Like("A", "01*!*.%_\\", '*', '.', '!', true), '\\'))
                .isEqualTo("01%*_\\%\\_\\\\");
        assertThat(LikePattern.toSql(Filter.Like.sql("A", "%\\"), '\\')).isEqualTo("%\\\\");
        assertThat(LikePattern.toSql(Filter.Like.sql("A", "a%b_c\\%d\\_e\\\\f"), '\\')).isEqualTo("a%b_c\\%d\\_e\\\\f");
        assertThat(LikePattern.toSql(Filter.Like.sql("A", "a%b\\_c!d"), '!')).isEqualTo("a%b!_c!!d");
        assertThat(LikePattern.toSql(new Filter.Like("A", "x%x", '%', '%', '%', true), '\\')).isEqualTo("xx");
        assertThatThrownBy(() -> LikePattern.toSql(Filter.Like.sql("A", "a"), '%'))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherLanguages() {
        LikePattern.Literal glob = (out, ch) -> {
            if (ch == '*' || ch == '?' || ch == '[') {
                out.append('[').append(ch).append(']');
            } else {
                out.append(ch);
            }
        };
        assertThat(LikePattern.rewrite(PATTERNS.get(0), "*", "?", glob)).isEqualTo("王*?%_[*][?][[]]");
        assertThat(LikePattern.rewrite(PATTERNS.get(5), "*", "?", glob)).isEqualTo("a*b?c[*]!");
        assertThat(LikePattern.rewrite(PATTERNS.get(1), "*", "?", glob)).isEqualTo("end\\");
    }

    @Test
    void readsThePatternAsTheEvaluatorDoes() {
        for (Filter.Like l : PATTERNS) {
            String regex = LikePattern.rewrite(l, ".*", ".",
                    (out, ch) -> out.append(Pattern.quote(String.valueOf(ch))));
            assertThat(regex).as(l.pattern()).isEqualTo(FilterEvaluator.likePattern(l).pattern());
        }
    }
}
