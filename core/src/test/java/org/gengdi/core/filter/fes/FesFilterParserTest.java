package org.gengdi.core.filter.fes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengdi.core.filter.fes.FesFixtures.RED;
import static org.gengdi.core.filter.fes.FesFixtures.ctx;
import static org.gengdi.core.filter.fes.FesFixtures.fes;
import static org.gengdi.core.filter.fes.FesFixtures.ogc;
import static org.gengdi.core.filter.fes.FesFixtures.parse;
import static org.gengdi.core.filter.fes.FesFixtures.parseBoth;
import static org.gengdi.core.filter.fes.FesFixtures.red;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.TemporalOp;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Comparison, logical, id and temporal operators in FES 2.0 and Filter Encoding 1.1. */
class FesFilterParserTest {

    private static String cmp(String op, String property, String literal) {
        return "<fes:" + op + "><fes:ValueReference>" + property + "</fes:ValueReference><fes:Literal>" + literal
                + "</fes:Literal></fes:" + op + ">";
    }

    // ---------------------------------------------------------------------------------------- comparisons

    @ParameterizedTest(name = "{0} GDDB {1}")
    @CsvSource({
            "PropertyIsEqualTo, EQ, 5, 4",
            "PropertyIsNotEqualTo, NE, 5, '1,2'",
            "PropertyIsLessThan, LT, 5, 1",
            "PropertyIsLessThanOrEqualTo, LE, 5, '1,4'",
            "PropertyIsGreaterThan, GT, 5, 2",
            "PropertyIsGreaterThanOrEqualTo, GE, 5, '2,4'"})
    void comparisonsInBothVersions(String element, CompareOp op, String literal, String expectedIds) {
        Filter f = parseBoth(cmp(element, "GDDB", literal), RED);
        assertThat(f).isEqualTo(new Filter.Compare("GDDB", op, 5, true));
        assertThat(red(f)).containsExactlyElementsOf(List.of(expectedIds.split(",")));
    }

    @ParameterizedTest(name = "{1} {0} GDDB")
    @CsvSource({
            "PropertyIsLessThan, GT, 2",
            "PropertyIsLessThanOrEqualTo, GE, '2,4'",
            "PropertyIsGreaterThan, LT, 1",
            "PropertyIsGreaterThanOrEqualTo, LE, '1,4'",
            "PropertyIsEqualTo, EQ, 4",
            "PropertyIsNotEqualTo, NE, '1,2'"})
    void literalFirstFlipsTheOperator(String element, CompareOp flipped, String expectedIds) {
        // 5 < GDDB  ⇔  GDDB > 5
        Filter f = parseBoth("<fes:" + element + "><fes:Literal>5</fes:Literal><fes:ValueReference>GDDB"
                + "</fes:ValueReference></fes:" + element + ">", RED);
        assertThat(f).isEqualTo(new Filter.Compare("GDDB", flipped, 5, true));
        assertThat(red(f)).containsExactlyElementsOf(List.of(expectedIds.split(",")));
    }

    @Test
    void literalsAreCoercedToTheAttributeType() {
        assertThat(parseBoth(cmp("PropertyIsGreaterThan", "YJJBNTTBMJ", " 1000 "), RED))
                .isEqualTo(new Filter.Compare("YJJBNTTBMJ", CompareOp.GT, 1000.0, true));
        assertThat(parseBoth(cmp("PropertyIsEqualTo", "BHKSSJ", "2020-06-30"), RED))
                .isEqualTo(new Filter.Compare("BHKSSJ", CompareOp.EQ, LocalDate.of(2020, 6, 30), true));
        assertThat(red(parseBoth(cmp("PropertyIsEqualTo", "ZLDWMC", "河口乡"), RED))).containsExactly("3");
        assertThatThrownBy(() -> parseBoth(cmp("PropertyIsEqualTo", "GDDB", "five"), RED))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("'five' does not fit GDDB");
    }

    @Test
    void matchCase() {
        Filter insensitive = parseBoth("<fes:PropertyIsEqualTo matchCase=\"false\"><fes:ValueReference>TBBH"
                + "</fes:ValueReference><fes:Literal>T002</fes:Literal></fes:PropertyIsEqualTo>", RED);
        assertThat(insensitive).isEqualTo(new Filter.Compare("TBBH", CompareOp.EQ, "T002", false));
        assertThat(red(insensitive)).containsExactly("2");
        assertThat(red(parseBoth(cmp("PropertyIsEqualTo", "TBBH", "T002"), RED))).isEmpty();
        assertThatThrownBy(() -> parse(fes("<fes:PropertyIsEqualTo matchCase=\"maybe\"><fes:ValueReference>TBBH"
                + "</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("must be true or false");
    }

    @Test
    void likeWithItsOwnCharacters() {
        Filter f = parseBoth("<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
                + "<fes:ValueReference>ZLDWMC</fes:ValueReference><fes:Literal>城关镇*村</fes:Literal>"
                + "</fes:PropertyIsLike>", RED);
        assertThat(f).isEqualTo(new Filter.Like("ZLDWMC", "城关镇*村", '*', '.', '!', true));
        assertThat(red(f)).containsExactly("1", "2");
        Filter escaped = parseBoth("<fes:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\">"
                + "<fes:ValueReference>TBBH</fes:ValueReference><fes:Literal>X\\%_</fes:Literal>"
                + "</fes:PropertyIsLike>", RED);
        assertThat(red(escaped)).containsExactly("4");
        Filter single = parseBoth("<fes:PropertyIsLike wildCard=\"*\" singleChar=\"#\" escapeChar=\"!\" "
                + "matchCase=\"false\"><fes:ValueReference>TBBH</fes:ValueReference><fes:Literal>t00#</fes:Literal>"
                + "</fes:PropertyIsLike>", RED);
        assertThat(red(single)).containsExactly("1", "2");
        // FE 1.1 spells the escape escapeChar; FE 1.0 spells it escape: both read.
        Filter fe11 = parse(ogc("<ogc:PropertyIsLike wildCard=\"*\" singleChar=\"#\" escapeChar=\"!\">"
                + "<ogc:PropertyName>TBBH</ogc:PropertyName><ogc:Literal>T!_*</ogc:Literal></ogc:PropertyIsLike>"),
                RED);
        assertThat(red(fe11)).containsExactly("3");
        assertThatThrownBy(() -> parse(fes("<fes:PropertyIsLike wildCard=\"**\" singleChar=\".\" escapeChar=\"!\">"
                + "<fes:ValueReference>TBBH</fes:ValueReference><fes:Literal>x</fes:Literal></fes:PropertyIsLike>"),
                RED)).isInstanceOf(FilterParseException.class).hasMessageContaining("wildCard=\"**\" must be a single");
    }

    @Test
    void nullNilAndBetween() {
        Filter isNull = parseBoth("<fes:PropertyIsNull><fes:ValueReference>GDDB</fes:ValueReference>"
                + "</fes:PropertyIsNull>", RED);
        assertThat(isNull).isEqualTo(new Filter.IsNull("GDDB"));
        assertThat(red(isNull)).containsExactly("3");
        Filter nil = parse(fes("<fes:PropertyIsNil nilReason=\"missing\"><fes:ValueReference>DLBM"
                + "</fes:ValueReference></fes:PropertyIsNil>"), RED);
        assertThat(nil).isEqualTo(new Filter.IsNull("DLBM"));
        assertThat(red(nil)).containsExactly("4");
        Filter between = parseBoth("<fes:PropertyIsBetween><fes:ValueReference>YJJBNTTBMJ</fes:ValueReference>"
                + "<fes:LowerBoundary><fes:Literal>800</fes:Literal></fes:LowerBoundary>"
                + "<fes:UpperBoundary><fes:Literal>1200.5</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>",
                RED);
        assertThat(between).isEqualTo(new Filter.Between("YJJBNTTBMJ", 800.0, 1200.5));
        assertThat(red(between)).containsExactly("1", "2");
        assertThatThrownBy(() -> parse(fes("<fes:PropertyIsBetween><fes:ValueReference>GDDB</fes:ValueReference>"
                + "<fes:UpperBoundary><fes:Literal>1</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("needs a LowerBoundary");
    }

    @Test
    void logicalOperatorsNest() {
        Filter f = parseBoth("<fes:Or><fes:And>" + cmp("PropertyIsEqualTo", "DLBM", "0101")
                + cmp("PropertyIsLessThan", "GDDB", "5") + "</fes:And>"
                + "<fes:Not>" + cmp("PropertyIsLessThan", "YJJBNTTBMJ", "10000") + "</fes:Not></fes:Or>", RED);
        assertThat(f).isEqualTo(new Filter.Or(List.of(
                new Filter.And(List.of(new Filter.Compare("DLBM", CompareOp.EQ, "0101", true),
                        new Filter.Compare("GDDB", CompareOp.LT, 3 + 2, true))),
                new Filter.Not(new Filter.Compare("YJJBNTTBMJ", CompareOp.LT, 10000.0, true)))));
        assertThat(red(f)).containsExactly("1", "3");
        // NOT of a comparison on a null value stays unknown (feature 4 has no area).
        assertThat(red(parseBoth("<fes:Not>" + cmp("PropertyIsLessThan", "YJJBNTTBMJ", "1000") + "</fes:Not>", RED)))
                .containsExactly("1", "3");
        assertThatThrownBy(() -> parse(fes("<fes:And/>"), RED)).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("fes:And needs at least one operator");
        assertThatThrownBy(() -> parse(fes("<fes:Not>" + cmp("PropertyIsEqualTo", "DLBM", "1")
                + cmp("PropertyIsEqualTo", "DLBM", "2") + "</fes:Not>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("fes:Not takes one operator");
    }

    // ----------------------------------------------------------------------------------------------- ids

    @Test
    void resourceIdsLoseTheirTypePrefix() {
        Filter f = parse(fes("<fes:ResourceId rid=\"YJJBNTBHTB.1\"/><fes:ResourceId rid=\"3\"/>"
                + "<fes:ResourceId rid=\"gengdi:YJJBNTBHTB.4\"/>"), RED);
        assertThat(f).isEqualTo(new Filter.ResourceId(Set.of("1", "3", "4")));
        assertThat(red(f)).containsExactly("1", "3", "4");
        assertThat(parse(ogc("<ogc:FeatureId fid=\"YJJBNTBHTB.17\"/>"), RED))
                .isEqualTo(new Filter.ResourceId(Set.of("17")));
        assertThat(parse(ogc("<ogc:GmlObjectId gml:id=\"yjjbntbhtb.2\"/>"), RED))
                .isEqualTo(new Filter.ResourceId(Set.of("2")));
        // A number with a decimal point is an id, not a type prefix.
        assertThat(parse(fes("<fes:ResourceId rid=\"12.5\"/>"), RED)).isEqualTo(new Filter.ResourceId(Set.of("12.5")));
        // Ids inside logical operators.
        Filter nested = parse(fes("<fes:And><fes:ResourceId rid=\"YJJBNTBHTB.2\"/>"
                + cmp("PropertyIsEqualTo", "DLBM", "0102") + "</fes:And>"), RED);
        assertThat(red(nested)).containsExactly("2");
    }

    @Test
    void idsOfAnotherTypeAreRefused() {
        assertThatThrownBy(() -> parse(fes("<fes:ResourceId rid=\"DLTB.17\"/>"), RED))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("belongs to DLTB, not to YJJBNTBHTB");
        assertThatThrownBy(() -> parse(fes("<fes:ResourceId rid=\"YJJBNTBHTB.\"/>"), RED))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("no id after the layer name");
        assertThatThrownBy(() -> parse(fes("<fes:ResourceId/>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("has no id");
        assertThatThrownBy(() -> parse(fes("<fes:ResourceId rid=\"1\"/>" + cmp("PropertyIsEqualTo", "DLBM", "1")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("either resource ids or one operator");
    }

    // ---------------------------------------------------------------------------------------- properties

    @Test
    void propertyReferencesArePlainNames() {
        Filter expected = new Filter.Compare("DLBM", CompareOp.EQ, "0101", true);
        for (String ref : new String[] {"DLBM", "dlbm", "gengdi:DLBM", "YJJBNTBHTB/DLBM", "gengdi:YJJBNTBHTB/gengdi:DLBM",
                " DLBM\n"}) {
            assertThat(parse(fes(cmp("PropertyIsEqualTo", ref, "0101")), RED)).as(ref).isEqualTo(expected);
        }
    }

    @Test
    void unknownPathsAndHiddenPropertiesAreRefusedByName() {
        for (String ref : new String[] {"NOPE", "DLTB/DLBM", "YJJBNTBHTB/DLBM/x", "DLBM[1]", "@DLBM", "/DLBM",
                "exec(java.lang.Runtime.getRuntime(),'touch /tmp/pwned')", "", "geom/DLBM"}) {
            assertThatThrownBy(() -> parse(fes(cmp("PropertyIsEqualTo", ref, "1")), RED)).as(ref)
                    .isInstanceOf(InvalidFilterException.class)
                    .satisfies(e -> assertThat(((InvalidFilterException) e).property()).isNotNull());
        }
        assertThatThrownBy(() -> parse(fes(cmp("PropertyIsEqualTo", "NOPE", "1")), RED))
                .hasMessageContaining("unknown property 'NOPE' in YJJBNTBHTB");
        // A personal field is usable by the authorised, unknown to others — with the same message as a typo.
        assertThat(parse(fes(cmp("PropertyIsEqualTo", "ZRRMC", "张三")), RED)).isNotNull();
        assertThatThrownBy(() -> FesFilterParser.parse(fes(cmp("PropertyIsEqualTo", "gengdi:ZRRMC", "张三")),
                ctx(RED).hiding(Set.of("ZRRMC", "ZRRZJHM"))))
                .isInstanceOf(InvalidFilterException.class).hasMessage("unknown property 'ZRRMC' in YJJBNTBHTB")
                .extracting(e -> ((InvalidFilterException) e).property()).isEqualTo("ZRRMC");
        assertThatThrownBy(() -> parse(fes(cmp("PropertyIsEqualTo", "geom", "1")), RED))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("non-spatial operator");
    }

    @Test
    void comparisonsNeedAPropertyAndALiteral() {
        assertThatThrownBy(() -> parse(fes("<fes:PropertyIsEqualTo><fes:ValueReference>DLBM</fes:ValueReference>"
                + "<fes:ValueReference>DLMC</fes:ValueReference></fes:PropertyIsEqualTo>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("found property DLBM and property DLMC");
        assertThatThrownBy(() -> parse(fes("<fes:PropertyIsEqualTo><fes:ValueReference>DLBM</fes:ValueReference>"
                + "</fes:PropertyIsEqualTo>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("missing an operand");
        assertThatThrownBy(() -> parse(fes(cmp("PropertyIsEqualTo", "DLBM", "1").replace("</fes:Literal>",
                "</fes:Literal><fes:Literal>2</fes:Literal>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("too many operands");
    }

    // ------------------------------------------------------------------------------------------ temporal

    private static String temporal(String op, String time) {
        return "<fes:" + op + "><fes:ValueReference>BHKSSJ</fes:ValueReference>" + time + "</fes:" + op + ">";
    }

    private static final String INSTANT = "<gml:TimeInstant gml:id=\"t\"><gml:timePosition>2020-06-30"
            + "</gml:timePosition></gml:TimeInstant>";

    @Test
    void afterBeforeAndTEqualsWithInstants() {
        LocalDate d = LocalDate.of(2020, 6, 30);
        Filter after = parse(fes(temporal("After", INSTANT)), RED);
        assertThat(after).isEqualTo(new Filter.TemporalFilter("BHKSSJ", TemporalOp.AFTER, d, null));
        assertThat(red(after)).containsExactly("3");
        assertThat(red(parse(fes(temporal("Before", INSTANT)), RED))).containsExactly("1");
        assertThat(red(parse(fes(temporal("TEquals", INSTANT)), RED))).containsExactly("2");
        // A literal date, and the time first (t AFTER property ⇔ property BEFORE t).
        assertThat(parse(fes(temporal("After", "<fes:Literal>2020-06-30</fes:Literal>")), RED)).isEqualTo(after);
        assertThat(parse(fes("<fes:After>" + INSTANT + "<fes:ValueReference>BHKSSJ</fes:ValueReference></fes:After>"),
                RED)).isEqualTo(new Filter.TemporalFilter("BHKSSJ", TemporalOp.BEFORE, d, null));
        assertThat(parse(fes(temporal("Before", "<fes:Literal>2020-06-30T08:00:00+08:00</fes:Literal>")), RED))
                .isEqualTo(new Filter.TemporalFilter("BHKSSJ", TemporalOp.BEFORE,
                        OffsetDateTime.of(2020, 6, 30, 8, 0, 0, 0, ZoneOffset.ofHours(8)), null));
        assertThat(parse(fes(temporal("Before", "<fes:Literal>2020-06-30T08:00:00</fes:Literal>")), RED))
                .isEqualTo(new Filter.TemporalFilter("BHKSSJ", TemporalOp.BEFORE,
                        OffsetDateTime.of(2020, 6, 30, 8, 0, 0, 0, ZoneOffset.UTC), null));
    }

    @Test
    void duringAPeriodInEitherEncoding() {
        Filter positions = parse(fes(temporal("During", "<gml:TimePeriod gml:id=\"p\"><gml:beginPosition>2019-06-01"
                + "</gml:beginPosition><gml:endPosition>2021-01-01</gml:endPosition></gml:TimePeriod>")), RED);
        assertThat(positions).isEqualTo(new Filter.TemporalFilter("BHKSSJ", TemporalOp.DURING,
                LocalDate.of(2019, 6, 1), LocalDate.of(2021, 1, 1)));
        assertThat(red(positions)).containsExactly("2");
        Filter instants = parse(fes(temporal("During", "<gml:TimePeriod gml:id=\"p\"><gml:begin><gml:TimeInstant "
                + "gml:id=\"b\"><gml:timePosition>2019-06-01</gml:timePosition></gml:TimeInstant></gml:begin>"
                + "<gml:end><gml:TimeInstant gml:id=\"e\"><gml:timePosition>2021-01-01</gml:timePosition>"
                + "</gml:TimeInstant></gml:end></gml:TimePeriod>")), RED);
        assertThat(instants).isEqualTo(positions);
        assertThat(parse(fes(temporal("During", "<fes:Literal>2019-06-01/2021-01-01</fes:Literal>")), RED))
                .isEqualTo(positions);
        // After a period is after its end.
        assertThat(parse(fes(temporal("After", "<gml:TimePeriod><gml:beginPosition>2019-06-01</gml:beginPosition>"
                + "<gml:endPosition>2021-01-01</gml:endPosition></gml:TimePeriod>")), RED))
                .isEqualTo(new Filter.TemporalFilter("BHKSSJ", TemporalOp.AFTER, LocalDate.of(2021, 1, 1), null));
    }

    @Test
    void temporalMistakes() {
        assertThatThrownBy(() -> parse(fes(temporal("During", INSTANT)), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("needs a period");
        assertThatThrownBy(() -> parse(fes(temporal("During", "<fes:Literal>2021-01-01/2019-01-01</fes:Literal>")),
                RED)).isInstanceOf(FilterParseException.class).hasMessageContaining("ends before it begins");
        assertThatThrownBy(() -> parse(fes(temporal("After", "<fes:Literal>last year</fes:Literal>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("'last year' is not a date or time");
        assertThatThrownBy(() -> parse(fes("<fes:After><fes:ValueReference>DLBM</fes:ValueReference>" + INSTANT
                + "</fes:After>"), RED))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("non-temporal property DLBM");
        assertThatThrownBy(() -> parse(fes(temporal("After", "<gml:TimeInstant><gml:timePosition "
                + "indeterminatePosition=\"now\"/></gml:TimeInstant>")), RED))
                .isInstanceOf(UnsupportedOperatorException.class).hasMessageContaining("indeterminatePosition");
    }
}
