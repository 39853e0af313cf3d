package org.gengdi.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.gengdi.core.filter.cql2.Cql2Layers.CRS84;
import static org.gengdi.core.filter.cql2.Cql2Layers.GK;
import static org.gengdi.core.filter.cql2.Cql2Layers.gk;
import static org.gengdi.core.filter.cql2.Cql2Layers.parse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and careless input: unknown and hidden properties, injection attempts, deep nesting, over-long text, and
 * a fuzz run asserting that nothing but the two filter exceptions ever escapes.
 */
class Cql2TextSecurityTest {

    @Test
    void unknownPropertyIsNamed() {
        assertThatThrownBy(() -> parse("FOO = 1"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("unknown property 'FOO' in YJJBNTBHTB (at position 0)")
                .satisfies(e -> assertThat(((InvalidFilterException) e).property()).isEqualTo("FOO"));
        assertThatThrownBy(() -> parse("DLBM = '0101' AND \"地类编码\" LIKE '01%'"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("unknown property '地类编码'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ZRRMC = '张三'", "zrrmc LIKE '张%'", "\"ZRRMC\" IS NOT NULL", "ZRRMC IN ('张三')",
        "DLBM = '0101' OR ZRRMC = '张三'", "NOT (CASEI(ZRRMC) = CASEI('x'))", "ZRRMC BETWEEN 'a' AND 'b'"})
    void hiddenPersonalFieldIsRefusedAsIfUnknown(String text) {
        FilterContext anonymous = gk().hiding(Set.of("ZRRMC"));
        assertThatThrownBy(() -> Cql2Text.parse(text, anonymous))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageStartingWith("unknown property '")
                .hasMessageContaining("in YJJBNTBHTB")
                .satisfies(e -> assertThat(((InvalidFilterException) e).property()).isEqualToIgnoringCase("ZRRMC"));
        // the same text is fine for a user allowed to see the field
        assertThat(Cql2Text.parse(text, gk())).isNotNull();
    }

    @Test
    void hiddenAndUnknownReadTheSame() {
        FilterContext anonymous = gk().hiding(Set.of("ZRRMC"));
        String hidden = messageOf(() -> Cql2Text.parse("ZRRMC = 'x'", anonymous));
        String unknown = messageOf(() -> Cql2Text.parse("ZRRMX = 'x'", anonymous));
        assertThat(hidden.replace("ZRRMC", "?")).isEqualTo(unknown.replace("ZRRMX", "?"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "DLBM = '0101' OR 1=1 --",
        "DLBM = '0101' OR 1=1",
        "\"DLBM; DROP TABLE x\" = 1",
        "DLBM = '0101'); DROP TABLE x; --'",
        "DLBM = '0101'; DROP TABLE x",
        "DLBM = '0101' /* comment */",
        "DLBM = '0101' UNION SELECT * FROM pg_user",
        "DLBM = '0101' -- comment",
        "exec('rm -rf /') = 1",
        "exec(java.lang.Runtime.getRuntime(), 'touch /tmp/x') = 1",
        "java.lang.Runtime.getRuntime().exec('id') = 1",
        "\"java.lang.Runtime.getRuntime().exec('id')\" = 1",
        "DLBM = java.lang.System.exit(0)",
        "strSubstring(DLBM, 0, 1) = 'a'",
        "DLBM = \"' OR '1'='1\"",
        "\"DLBM\"\" = 1; --\" = 1",
        "pg_sleep(10) IS NULL",
        "DLBM IN (SELECT BSM FROM x)",
        "DLBM = '0101' AND geom = 'x'",
        "${jndi:ldap://x/a} = 1",
        "DLBM = '${jndi:ldap://x/a}' AND ZLDWMC = @x"})
    void injectionLookingInputIsNeverAccepted(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfAny(FilterParseException.class, InvalidFilterException.class);
    }

    @Test
    void quotesInsideAStringStayInsideTheLiteral() {
        assertThat(parse("DLBM = '0101'' OR ''1''=''1'"))
                .isEqualTo(new Filter.Compare("DLBM", Filter.CompareOp.EQ, "0101' OR '1'='1", true));
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        int n = 100_000;
        String parens = "(".repeat(n) + "DLBM = 'a'" + ")".repeat(n);
        String nots = "NOT ".repeat(n) + "DLBM = 'a'";
        String casei = "CASEI(".repeat(n) + "DLMC" + ")".repeat(n) + " = 'a'";
        String caseiLiteral = "DLMC = " + "CASEI(".repeat(n) + "'a'" + ")".repeat(n);
        FilterContext unlimited = new FilterContext(GK, CRS84, Set.of(), Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String text : List.of(parens, nots, casei, caseiLiteral)) {
                for (FilterContext ctx : List.of(gk(), unlimited)) {
                    assertThatThrownBy(() -> Cql2Text.parse(text, ctx))
                            .isInstanceOf(FilterParseException.class)
                            .hasMessageContaining("nests deeper than");
                }
            }
        });
    }

    @Test
    void nestingWithinTheLimitIsAccepted() {
        String text = "(".repeat(30) + "DLBM = 'a'" + ")".repeat(30);
        assertThat(parse(text)).isEqualTo(Filter.eq("DLBM", "a"));
        FilterContext shallow = new FilterContext(GK, CRS84, Set.of(), 3, 10_000);
        assertThat(Cql2Text.parse("NOT (DLBM = 'a' OR (GDDB = 1))", shallow)).isNotNull();
        assertThatThrownBy(() -> Cql2Text.parse("NOT (DLBM = 'a' OR NOT (GDDB = 1))", shallow))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining("nests deeper than 3 levels");
    }

    @Test
    void overLongTextIsRefusedBeforeParsing() {
        FilterContext small = new FilterContext(GK, CRS84, Set.of(), 32, 100);
        String text = "DLBM = '" + "x".repeat(100) + "'";
        assertThatThrownBy(() -> Cql2Text.parse(text, small))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining("at most 100");
        assertThat(Cql2Text.parse("DLBM = '0101'", small)).isNotNull();
    }

    @Test
    void longButLegalTextParsesQuickly() {
        StringBuilder in = new StringBuilder("BSM IN (");
        for (int i = 0; i < 20_000; i++) {
            in.append(i == 0 ? "" : ",").append('\'').append(i).append('\'');
        }
        String text = in.append(')').toString();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Filter f = parse(text);
            assertThat(((Filter.In) f).values()).hasSize(20_000);
        });
    }

    private static final List<String> SEEDS = List.of(
            "DLBM = '0101' AND GDDB BETWEEN 1 AND 3",
            "ZLDWMC LIKE '王%' OR NOT (CASEI(DLMC) = CASEI('水田'))",
            "S_INTERSECTS(geom, POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30.1, 117 30)))",
            "BBOX(geom, 30, 117, 30.1, 117.1, 'urn:ogc:def:crs:EPSG::4490')",
            "DWITHIN(geom, POINT(117.1 30.2), 100, meters) AND DLBM IN ('0101', '0102')",
            "T_DURING(BHKSSJ, INTERVAL('2020-01-01', '..')) AND BHJSSJ AFTER 2020-01-01T08:00:00Z",
            "S_WITHIN(geom, MULTIPOLYGON(((117 30, 117.1 30, 117.1 30.1, 117 30)))) OR ZLDWMC IS NOT NULL",
            "IN ('YJJBNTBHTB.1') OR \"YJJBNTTBMJ\" >= -1.5e3 AND WDGD = TRUE",
            "S_CONTAINS(GEOMETRYCOLLECTION(POINT(117 30), LINESTRING(117 30, 117.1 30.1)), geom)",
            "BHKSSJ DURING 2019-01-01/2020-12-31 AND T_AFTER(BHJSSJ, TIMESTAMP('2020-01-01T00:00:00Z'))",
            "S_INTERSECTS(geom, BBOX(117, 30, 117.1, 30.1)) AND NOT INCLUDE OR EXCLUDE");

    private static final String[] PIECES = {"(", ")", "'", "\"", ",", "=", "<", ">", "<>", "-", "+", ".", "..",
        " ", "  ", "0", "1", "9", "e", "E", "%", "_", "\\", "/", "*", ";", "AND", "OR", "NOT", "LIKE", "IN", "IS",
        "NULL", "BETWEEN", "CASEI(", "DATE('", "TIMESTAMP(", "INTERVAL(", "POINT(", "POLYGON((", "BBOX(",
        "ENVELOPE(", "geom", "DLBM", "GDDB", "BHKSSJ", "ZRRMC", "王", "𡌶", "\u0000", "\uD800", "\uDC00", "（", "＝",
        "1e400", "99999999999999999999", "2020-01-01", "2020-13-45T25:61:00+99:99", "T_", "S_", "Z", "EMPTY",
        "'..'", "meters", "-0", "NaN", "Infinity", "\t", "\n", "\u3000"};

    /** 20 000 mutated and random strings: only FilterParseException or InvalidFilterException may come out. */
    @Test
    void fuzzedInputOnlyEverFailsWithFilterExceptions() {
        Random random = new Random(20240701L);
        FilterContext[] contexts = {gk(), FilterContext.of(Cql2Layers.GEO, CRS84),
            gk().hiding(Set.of("ZRRMC")), FilterContext.of(GK, Cql2Layers.URN_4490)};
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 20_000; i++) {
                String text = i % 4 == 3 ? randomPieces(random) : mutate(SEEDS.get(random.nextInt(SEEDS.size())),
                        random);
                FilterContext ctx = contexts[i % contexts.length];
                try {
                    Cql2Text.parse(text, ctx);
                    outcomes[0]++;
                } catch (FilterParseException e) {
                    outcomes[1]++;
                } catch (InvalidFilterException e) {
                    outcomes[2]++;
                } catch (Throwable t) {
                    fail("input " + java.util.Arrays.toString(text.codePoints().toArray()) + " «" + text
                            + "» threw " + t, t);
                }
            }
        });
        // the mutations must exercise both outcomes, not just fail at the first character
        assertThat(outcomes[0]).as("parsed").isGreaterThan(500);
        assertThat(outcomes[1]).as("parse errors").isGreaterThan(5_000);
    }

    @Test
    void seedsParse() {
        for (String seed : SEEDS) {
            assertThat(parse(seed)).as(seed).isNotNull();
        }
    }

    private static String mutate(String seed, Random random) {
        StringBuilder b = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> b.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                case 3 -> {
                    int to = Math.min(b.length(), at + random.nextInt(10));
                    b.delete(at, to);
                }
                default -> {
                    if (at < b.length()) {                       // duplicate a slice
                        int to = Math.min(b.length(), at + random.nextInt(20));
                        b.insert(at, b.substring(at, to));
                    }
                }
            }
        }
        return b.toString();
    }

    private static String randomPieces(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int k = 0; k < n; k++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
