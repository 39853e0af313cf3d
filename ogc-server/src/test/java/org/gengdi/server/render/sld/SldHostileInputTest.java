package org.gengdi.server.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.gengdi.server.render.sld.SldFixtures.catalogue;
import static org.gengdi.server.render.sld.SldFixtures.ctx;
import static org.gengdi.server.render.sld.SldFixtures.sld10;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.server.render.sld.SldException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad document is an SldException with a clear message, never another exception. */
class SldHostileInputTest {

    private static SldException refused(String doc) {
        Throwable t = catchThrowable(() -> SldReader.read(doc, catalogue()));
        assertThat(t).isInstanceOf(SldException.class);
        return (SldException) t;
    }

    private static SldException refusedRules(String layer, String rules) {
        return refused(sld10(layer, rules));
    }

    private static String polygonFill(String css) {
        return "<Rule><PolygonSymbolizer><Fill>" + css + "</Fill></PolygonSymbolizer></Rule>";
    }

    private static String filterRule(String filter) {
        return "<Rule><ogc:Filter>" + filter + "</ogc:Filter><LineSymbolizer/></Rule>";
    }

    // ------------------------------------------------------------------------------- layers and properties

    @Test
    void anUnknownLayerIsRefused() {
        SldException e = refusedRules("NOSUCHLAYER", "<Rule><LineSymbolizer/></Rule>");
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_LAYER);
        assertThat(e).hasMessageContaining("unknown layer 'NOSUCHLAYER'");
    }

    @Test
    void aBareStyleNamesNoLayerForTheMultiLayerReader() {
        SldException e = refused("<UserStyle xmlns=\"http://www.opengis.net/sld\"><FeatureTypeStyle><Rule>"
                + "<LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle>");
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_LAYER);
    }

    @Test
    void anUnknownPropertyInAFilterIsRefused() {
        SldException e = refusedRules("YJJBNTBHTB", filterRule("<ogc:PropertyIsEqualTo><ogc:PropertyName>NOPE"
                + "</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo>"));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e).hasMessageContaining("NOPE").hasMessageContaining("YJJBNTBHTB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZRRMC", "zrrzjhm", "LXDH", "gengdi:JZDZ", "YJJBNTBHTB/ZMC"})
    void personalFieldsAreUnknownInFiltersEvenWhenTheResolverDoesNotHideThem(String personal) {
        SldException e = refusedRules("YJJBNTBHTB", filterRule("<ogc:PropertyIsLike wildCard=\"*\" singleChar=\"?\" "
                + "escape=\"\\\"><ogc:PropertyName>" + personal + "</ogc:PropertyName><ogc:Literal>张*</ogc:Literal>"
                + "</ogc:PropertyIsLike>"));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e).hasMessageContaining("unknown property");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZRRMC", "zrrmc", "gengdi:LXDH", "YJJBNTBHTB/ZRRZJHM"})
    void personalFieldsAreUnknownInLabels(String personal) {
        SldException e = refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer><Label><ogc:PropertyName>" + personal
                + "</ogc:PropertyName></Label></TextSymbolizer></Rule>");
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e).hasMessageContaining("unknown property");
    }

    @Test
    void namesTheCallerHidesAreUnknownToo() {
        FilterContext hidingDlbm = ctx(LayerKind.RED_LINE).hiding(Set.of("DLBM"));
        Throwable t = catchThrowable(() -> SldReader.read(sld10("YJJBNTBHTB", "<Rule><TextSymbolizer><Label>"
                + "<ogc:PropertyName>DLBM</ogc:PropertyName></Label></TextSymbolizer></Rule>"),
                n -> Optional.of(hidingDlbm)));
        assertThat(t).isInstanceOf(SldException.class).hasMessageContaining("unknown property 'DLBM'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Label>地块 <ogc:PropertyName>TBBH</ogc:PropertyName></Label>",
        "<Label>固定文字</Label>",
        "<Label><ogc:Literal>固定文字</ogc:Literal></Label>",
        "<Label><ogc:PropertyName>TBBH</ogc:PropertyName><ogc:PropertyName>DLMC</ogc:PropertyName></Label>",
        "<Label><ogc:Function name=\"strConcat\"><ogc:PropertyName>TBBH</ogc:PropertyName>"
                + "<ogc:Literal>x</ogc:Literal></ogc:Function></Label>",
        "<Label><ogc:Add><ogc:PropertyName>GDDJ</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:Add></Label>"})
    void labelsOtherThanOnePropertyAreRefused(String label) {
        SldException e = refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer>" + label + "</TextSymbolizer></Rule>");
        assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(e).hasMessageContaining("must be one ogc:PropertyName");
    }

    @Test
    void aTextSymbolizerNeedsALabelAndTheGeometryIsNoLabel() {
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer/></Rule>")).hasMessageContaining("Label");
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer><Label><ogc:PropertyName>geom"
                + "</ogc:PropertyName></Label></TextSymbolizer></Rule>")).hasMessageContaining("geometry");
    }

    @Test
    void aSymbolizerGeometryMustBeTheLayersGeometry() {
        SldException e = refusedRules("YJJBNTBHTB", "<Rule><LineSymbolizer><Geometry><ogc:PropertyName>DLBM"
                + "</ogc:PropertyName></Geometry></LineSymbolizer></Rule>");
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e).hasMessageContaining("not the geometry property");
    }

    @Test
    void filtersWithUnsupportedOperatorsOrBadLiteralsAreRefused() {
        assertThat(refusedRules("YJJBNTBHTB", filterRule("<ogc:PropertyIsEqualTo><ogc:Function name=\"env\">"
                + "<ogc:Literal>x</ogc:Literal></ogc:Function><ogc:Literal>1</ogc:Literal>"
                + "</ogc:PropertyIsEqualTo>")).kind()).isIn(Kind.UNSUPPORTED, Kind.INVALID);
        assertThat(refusedRules("YJJBNTBHTB", filterRule("<ogc:PropertyIsEqualTo><ogc:PropertyName>GDDJ"
                + "</ogc:PropertyName><ogc:Literal>not a number</ogc:Literal></ogc:PropertyIsEqualTo>")).kind())
                .isEqualTo(Kind.INVALID);
        assertThat(refusedRules("YJJBNTBHTB", filterRule("")).kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void aFilterInTheSldNamespaceIsRefusedWithAHint() {
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><Filter><PropertyIsNull><PropertyName>DLBM</PropertyName>"
                + "</PropertyIsNull></Filter><LineSymbolizer/></Rule>")).hasMessageContaining("OGC namespace");
    }

    @Test
    void aRuleHasOneFilterOrElseFilter() {
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><ElseFilter/><ogc:Filter><ogc:PropertyIsNull>"
                + "<ogc:PropertyName>DLBM</ogc:PropertyName></ogc:PropertyIsNull></ogc:Filter>"
                + "<LineSymbolizer/></Rule>")).hasMessageContaining("more than one Filter");
    }

    @Test
    void anElseFilterInAStyleOfSeveralFeatureTypeStylesIsRefused() {
        String doc = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>DLTB</Name><UserStyle>
                    <FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle>
                    <FeatureTypeStyle><Rule><ElseFilter/><LineSymbolizer/></Rule></FeatureTypeStyle>
                  </UserStyle></NamedLayer>
                </StyledLayerDescriptor>""";
        SldException e = refused(doc);
        assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(e).hasMessageContaining("ElseFilter");
    }

    // ---------------------------------------------------------------------------------- values and sizes

    @ParameterizedTest
    @ValueSource(strings = {"red", "#F00", "#GG0000", "rgb(255,0,0)", "", "#FF00000"})
    void coloursOtherThanHashRrggbbAreRefused(String colour) {
        SldException e = refusedRules("YJJBNTBHTB", polygonFill("<CssParameter name=\"fill\">" + colour
                + "</CssParameter>"));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
        assertThat(e).hasMessageContaining("#RRGGBB");
    }

    @Test
    void hashAarrggbbIsRefusedWithAHint() {
        SldException e = refusedRules("YJJBNTBHTB", polygonFill("<CssParameter name=\"fill\">#80FF0000"
                + "</CssParameter>"));
        assertThat(e).hasMessageContaining("#AARRGGBB is not standard").hasMessageContaining("fill-opacity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "NaN", "half", "1e999"})
    void opacitiesOutside0To1AreRefused(String opacity) {
        assertThat(refusedRules("YJJBNTBHTB", polygonFill("<CssParameter name=\"fill-opacity\">" + opacity
                + "</CssParameter>")).kind()).isEqualTo(Kind.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<CssParameter name=\"stroke-width\">1e9</CssParameter>",
        "<CssParameter name=\"stroke-width\">-1</CssParameter>",
        "<CssParameter name=\"stroke-width\">Infinity</CssParameter>",
        "<CssParameter name=\"stroke-dasharray\">0 0</CssParameter>",
        "<CssParameter name=\"stroke-dasharray\">5 -2</CssParameter>",
        "<CssParameter name=\"stroke-dasharray\">5 100000</CssParameter>",
        "<CssParameter name=\"stroke-linejoin\">zigzag</CssParameter>",
        "<CssParameter name=\"stroke-linecap\">pointy</CssParameter>"})
    void absurdOrUnknownStrokeValuesAreRefused(String css) {
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><LineSymbolizer><Stroke>" + css
                + "</Stroke></LineSymbolizer></Rule>").kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void tooManyDashesAreRefused() {
        String dashes = "1 ".repeat(200);
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><LineSymbolizer><Stroke><CssParameter "
                + "name=\"stroke-dasharray\">" + dashes + "</CssParameter></Stroke></LineSymbolizer></Rule>"))
                .hasMessageContaining("stroke-dasharray");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "0", "-8", "5000"})
    void hatchSpacingOutsideItsRangeIsRefused(String size) {
        SldException e = refusedRules("YJJBNTCBQ", polygonFill("<GraphicFill><Graphic><Mark><WellKnownName>"
                + "shape://slash</WellKnownName></Mark><Size>" + size + "</Size></Graphic></GraphicFill>"));
        assertThat(e.kind()).isEqualTo(Kind.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<CssParameter name=\"font-size\">100000</CssParameter>",
        "<CssParameter name=\"font-size\">0</CssParameter>",
        "<CssParameter name=\"font-weight\">heavy</CssParameter>",
        "<CssParameter name=\"font-style\">slanted</CssParameter>"})
    void absurdFontsAreRefused(String css) {
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer><Label><ogc:PropertyName>TBBH"
                + "</ogc:PropertyName></Label><Font>" + css + "</Font></TextSymbolizer></Rule>").kind())
                .isEqualTo(Kind.INVALID);
    }

    @Test
    void absurdHalosMarksAndDisplacementsAreRefused() {
        String label = "<Label><ogc:PropertyName>TBBH</ogc:PropertyName></Label>";
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer>" + label
                + "<Halo><Radius>1000</Radius></Halo></TextSymbolizer></Rule>").kind()).isEqualTo(Kind.INVALID);
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><TextSymbolizer>" + label + "<LabelPlacement><PointPlacement>"
                + "<Displacement><DisplacementX>1e7</DisplacementX><DisplacementY>0</DisplacementY></Displacement>"
                + "</PointPlacement></LabelPlacement></TextSymbolizer></Rule>").kind()).isEqualTo(Kind.INVALID);
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><PointSymbolizer><Graphic><Mark/><Size>1e6</Size></Graphic>"
                + "</PointSymbolizer></Rule>").kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void scaleRangesMustBeSane() {
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><MinScaleDenominator>5000</MinScaleDenominator>"
                + "<MaxScaleDenominator>5000</MaxScaleDenominator><LineSymbolizer/></Rule>"))
                .hasMessageContaining("must be below MaxScaleDenominator");
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><MinScaleDenominator>-1</MinScaleDenominator>"
                + "<LineSymbolizer/></Rule>").kind()).isEqualTo(Kind.INVALID);
        assertThat(refusedRules("YJJBNTBHTB", "<Rule><MaxScaleDenominator>big</MaxScaleDenominator>"
                + "<LineSymbolizer/></Rule>").kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void tooManyRulesAreRefused() {
        String rules = "<Rule><LineSymbolizer/></Rule>".repeat(SldParser.MAX_RULES + 1);
        assertThat(refusedRules("YJJBNTBHTB", rules)).hasMessageContaining("more than " + SldParser.MAX_RULES);
    }

    @Test
    void tooManyLayersAreRefused() {
        String layer = "<NamedLayer><Name>DLTB</Name><UserStyle><FeatureTypeStyle><Rule><LineSymbolizer/></Rule>"
                + "</FeatureTypeStyle></UserStyle></NamedLayer>";
        assertThat(refused("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + layer.repeat(SldParser.MAX_LAYERS + 1) + "</StyledLayerDescriptor>"))
                .hasMessageContaining("NamedLayers");
    }

    // ---------------------------------------------------------------------------------------- unsupported

    @ParameterizedTest
    @ValueSource(strings = {
        "<Rule><PointSymbolizer><Graphic><ExternalGraphic><OnlineResource "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"http://evil/x.png\"/>"
                + "<Format>image/png</Format></ExternalGraphic></Graphic></PointSymbolizer></Rule>",
        "<Rule><PointSymbolizer><Graphic><Mark><WellKnownName>ttf://Wingdings#0x40</WellKnownName></Mark>"
                + "</Graphic></PointSymbolizer></Rule>",
        "<Rule><PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>star</WellKnownName></Mark>"
                + "</Graphic></GraphicFill></Fill></PolygonSymbolizer></Rule>",
        "<Rule><LineSymbolizer><Stroke><GraphicStroke><Graphic><Mark/></Graphic></GraphicStroke></Stroke>"
                + "</LineSymbolizer></Rule>",
        "<Rule><RasterSymbolizer/></Rule>",
        "<Rule><LineSymbolizer uom=\"http://www.opengeospatial.org/se/units/metre\"/></Rule>",
        "<Rule><LineSymbolizer><Stroke><CssParameter name=\"stroke\"><ogc:PropertyName>DLBM</ogc:PropertyName>"
                + "</CssParameter></Stroke></LineSymbolizer></Rule>",
        "<Rule><LineSymbolizer><Stroke><CssParameter name=\"stroke-width\"><ogc:Function name=\"env\">"
                + "<ogc:Literal>w</ogc:Literal></ogc:Function></CssParameter></Stroke></LineSymbolizer></Rule>",
        "<Rule><LineSymbolizer><Blink/></LineSymbolizer></Rule>",
        "<Rule><Frobnicate/><LineSymbolizer/></Rule>",
        "<Rule><TextSymbolizer><Label><ogc:PropertyName>TBBH</ogc:PropertyName></Label><Fill><GraphicFill>"
                + "<Graphic><Mark><WellKnownName>shape://slash</WellKnownName></Mark></Graphic></GraphicFill>"
                + "</Fill></TextSymbolizer></Rule>"})
    void unsupportedSldIsRefusedClearly(String rules) {
        SldException e = refusedRules("YJJBNTBHTB", rules);
        assertThat(e.kind()).isIn(Kind.UNSUPPORTED, Kind.INVALID);
        assertThat(e.getMessage()).contains("not supported").doesNotContain("Exception");
    }

    @Test
    void userLayersNamedStylesAndLibrariesAreRefused() {
        assertThat(refused("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + "<UserLayer><Name>x</Name></UserLayer></StyledLayerDescriptor>")).hasMessageContaining("UserLayer");
        assertThat(refused("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + "<NamedLayer><Name>DLTB</Name><NamedStyle><Name>x</Name></NamedStyle></NamedLayer>"
                + "</StyledLayerDescriptor>")).hasMessageContaining("NamedStyle");
        assertThat(refused("<StyledLayerDescriptor version=\"1.1.0\" xmlns=\"http://www.opengis.net/sld\">"
                + "<UseSLDLibrary/></StyledLayerDescriptor>")).hasMessageContaining("never fetches");
    }

    @Test
    void emptyOrOddDocumentsAreRefused() {
        assertThat(refused("<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"/>")
                .kind()).isEqualTo(Kind.INVALID);
        assertThat(refused("<StyledLayerDescriptor version=\"2.0\" xmlns=\"http://www.opengis.net/sld\"/>")
                .kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(refused("<html><body>hello</body></html>").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><NamedLayer>"
                + "<UserStyle/></NamedLayer></StyledLayerDescriptor>")).hasMessageContaining("Name before");
        assertThat(refused("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>DLTB"
                + "</Name></NamedLayer></StyledLayerDescriptor>")).hasMessageContaining("no UserStyle");
        assertThat(refused("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\">text</StyledLayerDescriptor>")
                .kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused("").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused("   ").kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void aStyleFileForOneLayerHoldsOneNamedLayer() {
        String layer = "<NamedLayer><Name>DLTB</Name><UserStyle><FeatureTypeStyle><Rule><LineSymbolizer/></Rule>"
                + "</FeatureTypeStyle></UserStyle></NamedLayer>";
        assertThatThrownBy(() -> SldReader.readStyle("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\">"
                + layer + layer + "</StyledLayerDescriptor>", ctx(LayerKind.CULTIVATED_LAND)))
                .isInstanceOf(SldException.class).hasMessageContaining("one NamedLayer");
    }

    // ----------------------------------------------------------------------------------------- hostile XML

    @Test
    void malformedXmlIsRefused() {
        SldException e = refused("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><NamedLayer>");
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused(sld10("DLTB", "<Rule><LineSymbolizer/></Rule>") + "<extra/>").kind())
                .isEqualTo(Kind.MALFORMED);
        assertThat(refused("<a></b>").kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void externalEntitiesAreRefusedBeforeAnythingIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE StyledLayerDescriptor [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                    xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>&xxe;</Name><UserStyle><FeatureTypeStyle><Rule><LineSymbolizer/></Rule>
                  </FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>""";
        SldException e = refused(xxe);
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
        // the same through the stream reader, and a parameter entity fetching a remote DTD
        String remote = "<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\"><StyledLayerDescriptor/>";
        assertThatThrownBy(() -> SldReader.read(new ByteArrayInputStream(remote.getBytes(StandardCharsets.UTF_8)),
                catalogue())).isInstanceOf(SldException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                + "<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">\n");
        }
        lol.append("]>\n<StyledLayerDescriptor><Name>&lol9;</Name></StyledLayerDescriptor>");
        SldException e = refused(lol.toString());
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).containsIgnoringCase("DOCTYPE");
    }

    @Test
    void hugeAndDeepDocumentsAreRefused() {
        String huge = sld10("DLTB", "<Rule><Abstract>" + "x".repeat(9 << 20) + "</Abstract><LineSymbolizer/></Rule>");
        assertThat(refused(huge).kind()).isEqualTo(Kind.MALFORMED);
        String hugeStream = huge;
        assertThatThrownBy(() -> SldReader.read(new ByteArrayInputStream(hugeStream.getBytes(StandardCharsets.UTF_8)),
                catalogue())).isInstanceOf(SldException.class);
        String deep = sld10("DLTB", "<Rule>" + "<Abstract>".repeat(500) + "</Abstract>".repeat(500)
                + "<LineSymbolizer/></Rule>");
        assertThat(refused(deep).kind()).isEqualTo(Kind.MALFORMED);
        String nested = "<ogc:Not>".repeat(300) + "<ogc:PropertyIsNull><ogc:PropertyName>DLBM</ogc:PropertyName>"
                + "</ogc:PropertyIsNull>" + "</ogc:Not>".repeat(300);
        refusedRules("DLTB", filterRule(nested));
        String wide = "<Rule><LineSymbolizer><Stroke>" + "<CssParameter name=\"stroke\">#000000</CssParameter>"
                .repeat(1) + "</Stroke></LineSymbolizer></Rule>";
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            attrs.append(" a").append(i).append("=\"1\"");
        }
        refused(sld10("DLTB", wide).replace("<NamedLayer>", "<NamedLayer" + attrs + ">"));
    }

    /** Every prefix of a valid document and random corruptions of it: parsed or an SldException, nothing else. */
    @Test
    void truncatedAndCorruptedDocumentsOnlyEverGiveSldExceptions() {
        String doc = SldReaderTest.FULL_SLD_1_0;
        int complete = doc.indexOf("</StyledLayerDescriptor>") + "</StyledLayerDescriptor>".length();
        for (int i = 0; i < complete; i += 7) {
            String prefix = doc.substring(0, i);
            Throwable t = catchThrowable(() -> SldReader.read(prefix, catalogue()));
            assertThat(t).as("prefix of %d characters", i).isInstanceOf(SldException.class);
        }
        Random random = new Random(20261123);
        String alphabet = "<>/&;\"'=#!?-: x0.9ogcZRRMC\u0000\uFFFF";
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder(doc);
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String corrupted = sb.toString();
            Throwable t = catchThrowable(() -> SldReader.read(corrupted, catalogue()));
            if (t != null) {
                assertThat(t).as("corruption %d:%n%s", n, corrupted).isInstanceOf(SldException.class);
            }
        }
    }

    @Test
    void aResolverWithAnotherCrsStillWorksAndNullArgumentsAreProgrammingErrors() {
        FilterContext geographic = FilterContext.of(SldFixtures.type(LayerKind.RED_LINE),
                CrsRegistry.get().parse("EPSG:4490"));
        assertThat(SldReader.read(sld10("YJJBNTBHTB", "<Rule><LineSymbolizer/></Rule>"),
                n -> Optional.of(geographic))).hasSize(1);
        assertThatThrownBy(() -> SldReader.read((String) null, catalogue())).isInstanceOf(NullPointerException.class);
    }
}
