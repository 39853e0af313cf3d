package org.gengdi.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengdi.core.filter.cql2.Cql2Layers.parse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.Between;
import org.gengdi.core.filter.Filter.Compare;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.In;
import org.gengdi.core.filter.Filter.IsNull;
import org.gengdi.core.filter.Filter.Like;
import org.gengdi.core.filter.Filter.Not;
import org.gengdi.core.filter.Filter.TemporalFilter;
import org.gengdi.core.filter.Filter.TemporalOp;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each CQL2 / ECQL construct parses to the expected AST; bad text fails with the position and what was expected. */
class Cql2TextTest {

    private static final LocalDate JAN1 = LocalDate.of(2020, 1, 1);
    private static final LocalDate DEC31 = LocalDate.of(2020, 12, 31);

    static Stream<Arguments> operators() {
        return Stream.of(
                // comparisons, either way round, literals coerced to the attribute type
                Arguments.of("DLBM = '0101'", eq("DLBM", "0101")),
                Arguments.of("DLBM <> '0101'", cmp("DLBM", CompareOp.NE, "0101")),
                Arguments.of("DLBM != '0101'", cmp("DLBM", CompareOp.NE, "0101")),
                Arguments.of("GDDB < 3", cmp("GDDB", CompareOp.LT, 3)),
                Arguments.of("GDDB <= 3", cmp("GDDB", CompareOp.LE, 3)),
                Arguments.of("GDDB > 3", cmp("GDDB", CompareOp.GT, 3)),
                Arguments.of("GDDB >= 3", cmp("GDDB", CompareOp.GE, 3)),
                Arguments.of("3 < GDDB", cmp("GDDB", CompareOp.GT, 3)),
                Arguments.of("'0101' = DLBM", eq("DLBM", "0101")),
                Arguments.of("YJJBNTTBMJ >= 1.5e3", cmp("YJJBNTTBMJ", CompareOp.GE, 1500.0)),
                Arguments.of("YJJBNTTBMJ > -2.5", cmp("YJJBNTTBMJ", CompareOp.GT, -2.5)),
                Arguments.of("YJJBNTTBMJ > .5", cmp("YJJBNTTBMJ", CompareOp.GT, 0.5)),
                Arguments.of("GDDB = '3'", eq("GDDB", 3)),
                // names: schema spelling, case-insensitive, quoted
                Arguments.of("dlbm = '0101'", eq("DLBM", "0101")),
                Arguments.of("\"DLBM\" = '0101'", eq("DLBM", "0101")),
                Arguments.of("\"dlbm\"='0101'", eq("DLBM", "0101")),
                // a number compared with a string attribute keeps its spelling
                Arguments.of("DLBM = 0101", eq("DLBM", "0101")),
                // strings
                Arguments.of("ZLDWMC = '王家村'", eq("ZLDWMC", "王家村")),
                Arguments.of("ZLDWMC = '𡌶家村'", eq("ZLDWMC", "𡌶家村")),
                Arguments.of("BZ = 'O''Brien'", eq("BZ", "O'Brien")),
                Arguments.of("BZ = ''", eq("BZ", "")),
                Arguments.of("BZ = 'a\\b'", eq("BZ", "a\\b")),
                Arguments.of("BZ　=　'全角空格'", eq("BZ", "全角空格")),
                // CASEI
                Arguments.of("CASEI(DLMC) = CASEI('Paddy')", new Compare("DLMC", CompareOp.EQ, "Paddy", false)),
                Arguments.of("casei(\"DLMC\") <> casei('Paddy')", new Compare("DLMC", CompareOp.NE, "Paddy", false)),
                // LIKE / ILIKE
                Arguments.of("DLMC LIKE '水%'", Like.sql("DLMC", "水%")),
                Arguments.of("ZLDWMC LIKE '王_村'", Like.sql("ZLDWMC", "王_村")),
                Arguments.of("BZ LIKE '100\\%'", Like.sql("BZ", "100\\%")),
                Arguments.of("DLMC ILIKE 'paddy%'", new Like("DLMC", "paddy%", '%', '_', '\\', false)),
                Arguments.of("CASEI(DLMC) LIKE CASEI('p%')", new Like("DLMC", "p%", '%', '_', '\\', false)),
                Arguments.of("DLMC NOT LIKE '水%'", new Not(Like.sql("DLMC", "水%"))),
                // BETWEEN, IN, IS NULL
                Arguments.of("GDDB BETWEEN 1 AND 3", new Between("GDDB", 1, 3)),
                Arguments.of("GDDB NOT BETWEEN 1 AND 3", new Not(new Between("GDDB", 1, 3))),
                Arguments.of("YJJBNTTBMJ BETWEEN -1 AND 2.5", new Between("YJJBNTTBMJ", -1.0, 2.5)),
                Arguments.of("DLBM IN ('0101', '0102')", new In("DLBM", List.of("0101", "0102"))),
                Arguments.of("DLBM NOT IN ('0101')", new Not(new In("DLBM", List.of("0101")))),
                Arguments.of("GDDB IN (1, 2)", new In("GDDB", List.of(1, 2))),
                Arguments.of("CASEI(DLMC) IN ('a', 'B')", Filter.or(new Compare("DLMC", CompareOp.EQ, "a", false),
                        new Compare("DLMC", CompareOp.EQ, "B", false))),
                Arguments.of("ZLDWMC IS NULL", new IsNull("ZLDWMC")),
                Arguments.of("ZLDWMC IS NOT NULL", new Not(new IsNull("ZLDWMC"))),
                Arguments.of("GEOM is null", new IsNull("geom")),
                // constants and feature ids
                Arguments.of("INCLUDE", Filter.INCLUDE),
                Arguments.of("exclude", Filter.EXCLUDE),
                Arguments.of("TRUE", Filter.INCLUDE),
                Arguments.of("FALSE", Filter.EXCLUDE),
                Arguments.of("IN ('YJJBNTBHTB.1', 'YJJBNTBHTB.2')",
                        new Filter.ResourceId(Set.of("YJJBNTBHTB.1", "YJJBNTBHTB.2"))),
                // dates and times
                Arguments.of("BHKSSJ > DATE('2020-01-01')", cmp("BHKSSJ", CompareOp.GT, JAN1)),
                Arguments.of("BHKSSJ = TIMESTAMP('2020-01-01T08:00:00Z')", eq("BHKSSJ", JAN1)),
                Arguments.of("BHKSSJ >= 2020-01-01", cmp("BHKSSJ", CompareOp.GE, JAN1)),
                Arguments.of("T_AFTER(BHKSSJ, DATE('2020-01-01'))", temporal(TemporalOp.AFTER, JAN1, null)),
                Arguments.of("t_before(BHKSSJ, TIMESTAMP('2020-01-01T08:00:00+08:00'))", temporal(TemporalOp.BEFORE,
                        OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)), null)),
                Arguments.of("T_EQUALS(BHKSSJ, DATE('2020-01-01'))", temporal(TemporalOp.TEQUALS, JAN1, null)),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('2020-01-01', '2020-12-31'))",
                        temporal(TemporalOp.DURING, JAN1, DEC31)),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('2020-01-01', '..'))", temporal(TemporalOp.AFTER, JAN1, null)),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('..', '2020-12-31'))",
                        temporal(TemporalOp.BEFORE, DEC31, null)),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('..', '..'))", new Not(new IsNull("BHKSSJ"))),
                Arguments.of("T_AFTER(DATE('2020-01-01'), BHKSSJ)", temporal(TemporalOp.BEFORE, JAN1, null)),
                Arguments.of("T_AFTER(BHKSSJ, INTERVAL('2020-01-01', '2020-12-31'))",
                        temporal(TemporalOp.AFTER, DEC31, null)),
                Arguments.of("T_BEFORE(BHKSSJ, INTERVAL(DATE('2020-01-01'), '..'))",
                        temporal(TemporalOp.BEFORE, JAN1, null)),
                Arguments.of("BHKSSJ AFTER 2020-01-01", temporal(TemporalOp.AFTER, JAN1, null)),
                Arguments.of("BHKSSJ BEFORE 2020-01-01T08:00:00Z", temporal(TemporalOp.BEFORE,
                        OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), null)),
                Arguments.of("BHKSSJ DURING 2020-01-01/2020-12-31", temporal(TemporalOp.DURING, JAN1, DEC31)),
                Arguments.of("T_DURING(BHKSSJ, 2020-01-01/2020-12-31)", temporal(TemporalOp.DURING, JAN1, DEC31)),
                Arguments.of("T_AFTER(BHKSSJ, TIMESTAMP('2020-01-01T08:00:00'))", temporal(TemporalOp.AFTER,
                        OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), null)),
                Arguments.of("T_AFTER(BHKSSJ, TIMESTAMP('2020-01-01 08:00:00+0800'))", temporal(TemporalOp.AFTER,
                        OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)), null)),
                Arguments.of("BHKSSJ AFTER 2020-01-01T08:00+08", temporal(TemporalOp.AFTER,
                        OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)), null)),
                Arguments.of("BHKSSJ TEQUALS DATE('2020-01-01')", temporal(TemporalOp.TEQUALS, JAN1, null)),
                // logic
                Arguments.of("DLBM = '0101' AND GDDB = 3", Filter.and(eq("DLBM", "0101"), eq("GDDB", 3))),
                Arguments.of("DLBM = '0101' or GDDB = 3", Filter.or(eq("DLBM", "0101"), eq("GDDB", 3))),
                Arguments.of("NOT DLBM = '0101'", new Not(eq("DLBM", "0101"))),
                Arguments.of("DLBM = '0101' AND INCLUDE", eq("DLBM", "0101")),
                Arguments.of("((DLBM = '0101'))", eq("DLBM", "0101")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("operators")
    void parsesToTheExpectedFilter(String text, Filter expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> precedence() {
        Filter a = eq("DLBM", "a");
        Filter b = eq("GDDB", 1);
        Filter c = eq("GDDB", 2);
        return Stream.of(
                Arguments.of("NOT DLBM = 'a' AND GDDB = 1 OR GDDB = 2", Filter.or(Filter.and(new Not(a), b), c)),
                Arguments.of("DLBM = 'a' OR GDDB = 1 AND GDDB = 2", Filter.or(a, Filter.and(b, c))),
                Arguments.of("DLBM = 'a' OR NOT GDDB = 1 AND GDDB = 2", Filter.or(a, Filter.and(new Not(b), c))),
                Arguments.of("(DLBM = 'a' OR GDDB = 1) AND GDDB = 2", Filter.and(Filter.or(a, b), c)),
                Arguments.of("NOT (DLBM = 'a' AND GDDB = 1)", new Not(Filter.and(a, b))),
                Arguments.of("NOT NOT DLBM = 'a'", new Not(new Not(a))),
                Arguments.of("DLBM = 'a' AND (GDDB = 1 OR GDDB = 2)", Filter.and(a, Filter.or(b, c))),
                Arguments.of("DLBM = 'a' OR GDDB = 1 OR GDDB = 2", Filter.or(a, b, c)),
                Arguments.of("DLBM='a'AND(GDDB=1OR GDDB=2)", Filter.and(a, Filter.or(b, c))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("precedence")
    void notBindsTighterThanAndThanOr(String text, Filter expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("DLBM = ", 7, "expected a property name or a literal but found end of filter"),
                Arguments.of("(DLBM = '0101'", 14, "expected ')' but found end of filter"),
                Arguments.of("(DLBM = '0101' AND (GDDB = 1)", 29, "expected ')'"),
                Arguments.of("DLBM = '0101')", 13, "unbalanced ')'"),
                Arguments.of("DLBM == '1'", 6, "expected a property name or a literal but found '='"),
                Arguments.of("DLBM = 'abc", 7, "unterminated string"),
                Arguments.of("\"DLBM = 'abc'", 0, "unterminated quoted name"),
                Arguments.of("DLBM '0101'", 5, "expected a comparison operator"),
                Arguments.of("GDDB BETWEEN 1 OR 3", 15, "expected AND but found 'OR'"),
                Arguments.of("DLBM LIKE 5", 10, "expected a pattern string"),
                Arguments.of("DLBM IN ()", 9, "expected a value"),
                Arguments.of("DLBM IN ('a' 'b')", 13, "expected ',' or ')'"),
                Arguments.of("ZLDWMC IS NOT 5", 14, "expected NULL"),
                Arguments.of("DLBM = '0101' AND", 17, "expected a property name or a literal"),
                Arguments.of("AND DLBM = '0101'", 0, "expected a property name or a literal but found 'AND'"),
                Arguments.of("ACCENTI(DLMC) = ACCENTI('a')", 0, "ACCENTI"),
                Arguments.of("T_MEETS(BHKSSJ, DATE('2020-01-01'))", 0, "supported are T_AFTER, T_BEFORE"),
                Arguments.of("A_EQUALS(DLBM, ('a'))", 0, "array functions"),
                Arguments.of("FOO(DLBM) = 1", 0, "unknown function 'FOO'"),
                Arguments.of("DLBM = UPPER('a')", 7, "unknown function 'UPPER'"),
                Arguments.of("DLBM = NULL", 7, "IS NULL"),
                Arguments.of("DLBM = GDDB", 5, "comparing two properties is not supported"),
                Arguments.of("1 = 1", 0, "needs a property name on one side"),
                Arguments.of("'a' LIKE 'a'", 0, "LIKE needs a property name"),
                Arguments.of("GDDB = 1 + 2", 9, "expected AND, OR or end of filter but found '+'"),
                Arguments.of("GDDB = - x", 9, "expected a number after '-'"),
                Arguments.of("GDDB = 1e999", 7, "number out of range"),
                Arguments.of("DATE('2020-13-01') < BHKSSJ", 5, "invalid date"),
                Arguments.of("BHKSSJ = DATE('yesterday')", 14, "expected YYYY-MM-DD"),
                Arguments.of("BHKSSJ = TIMESTAMP('2020-01-01')", 19, "invalid timestamp"),
                Arguments.of("DLBM = '0101'；", 13, "full-width"),
                Arguments.of("DLBM ＝ '0101'", 5, "full-width"),
                Arguments.of("DLBM = '0101'; x", 13, "unexpected character ';'"),
                Arguments.of("DLBM = '\u0000' \u0007", 11, "U+0007"),
                Arguments.of("T_DURING(BHKSSJ, DATE('2020-01-01'))", 0, "needs a period"),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('2021-01-01', '2020-01-01'))", 17, "ends before it begins"),
                Arguments.of("T_DURING(DATE('2020-01-01'), BHKSSJ)", 0, "T_DURING(property, INTERVAL"),
                Arguments.of("T_EQUALS(BHKSSJ, INTERVAL('2020-01-01', '2020-12-31'))", 0, "compares instants"),
                Arguments.of("T_AFTER(BHKSSJ, BHJSSJ)", 0, "needs a date or time property as one argument"),
                Arguments.of("BHKSSJ DURING 2020-01-01/P1D", 25, "durations"),
                Arguments.of("BHKSSJ AFTER 'yesterday'", 13, "expected a date or time after AFTER"),
                Arguments.of("GDDB = INTERVAL('2020-01-01', '..')", 7, "INTERVAL(…) is only allowed"),
                Arguments.of("DLBM = POINT(1 2)", 7, "geometry literal is only allowed in a spatial function"),
                Arguments.of("CASEI(GDDB) BETWEEN 1 AND 2", 6, "CASEI is not supported with BETWEEN"),
                Arguments.of("   ", 0, "empty filter"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("syntaxErrors")
    void badTextFailsWithPositionAndExpectation(String text, int position, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FilterParseException) e).position()).as("position").isEqualTo(position));
    }

    @Test
    void messageNamesThePositionInTheText() {
        assertThatThrownBy(() -> parse("(DLBM = '0101' OR GDDB = 1"))
                .hasMessage("expected ')' but found end of filter (at position 26)");
    }

    @Test
    void literalsThatDoNotFitTheAttributeAreInvalid() {
        assertThatThrownBy(() -> parse("GDDB = 'abc'"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("GDDB");
        assertThatThrownBy(() -> parse("T_AFTER(DLBM, DATE('2020-01-01'))"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("non-temporal property DLBM");
        assertThatThrownBy(() -> parse("geom = 'x'"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("geometry property");
    }

    @Test
    void nullTextIsAParseError() {
        assertThatThrownBy(() -> parse(null)).isInstanceOf(FilterParseException.class);
    }

    private static Filter eq(String p, Object v) {
        return new Compare(p, CompareOp.EQ, v, true);
    }

    private static Filter cmp(String p, CompareOp op, Object v) {
        return new Compare(p, op, v, true);
    }

    private static Filter temporal(TemporalOp op, java.time.temporal.Temporal begin, java.time.temporal.Temporal end) {
        return new TemporalFilter("BHKSSJ", op, begin, end);
    }
}
