package org.gengdi.server.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.server.render.sld.SldFixtures.catalogue;
import static org.gengdi.server.render.sld.SldFixtures.ctx;
import static org.gengdi.server.render.sld.SldFixtures.feature;
import static org.gengdi.server.render.sld.SldFixtures.matches;
import static org.gengdi.server.render.sld.SldFixtures.sld10;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.validation.Schema;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.server.encode.OgcSchemas;
import org.gengdi.server.render.Rule;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.Hatch;
import org.gengdi.server.render.Symbolizer.LineSymbolizer;
import org.gengdi.server.render.Symbolizer.Mark;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.gengdi.server.render.Symbolizer.TextSymbolizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLD 1.0 and SE 1.1 documents into the style model. */
class SldReaderTest {

    static final String FULL_SLD_1_0 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
              <Name>test</Name>
              <NamedLayer>
                <Name>YJJBNTBHTB</Name>
                <UserStyle>
                  <Name>slope</Name>
                  <Title>坡度分级</Title>
                  <Abstract>by slope class</Abstract>
                  <IsDefault>true</IsDefault>
                  <FeatureTypeStyle>
                    <Rule>
                      <Name>flat</Name>
                      <Title>平地</Title>
                      <ogc:Filter>
                        <ogc:PropertyIsLessThanOrEqualTo>
                          <ogc:PropertyName>GDPDJB</ogc:PropertyName>
                          <ogc:Literal>2</ogc:Literal>
                        </ogc:PropertyIsLessThanOrEqualTo>
                      </ogc:Filter>
                      <MaxScaleDenominator>50000</MaxScaleDenominator>
                      <PolygonSymbolizer>
                        <Fill>
                          <CssParameter name="fill">#00ff00</CssParameter>
                          <CssParameter name="fill-opacity">0.5</CssParameter>
                        </Fill>
                        <Stroke>
                          <CssParameter name="stroke"><ogc:Literal>#0000FF</ogc:Literal></CssParameter>
                          <CssParameter name="stroke-width">2.5</CssParameter>
                          <CssParameter name="stroke-opacity">0.2</CssParameter>
                          <CssParameter name="stroke-dasharray">5 2,1</CssParameter>
                          <CssParameter name="stroke-linejoin">mitre</CssParameter>
                          <CssParameter name="stroke-linecap">square</CssParameter>
                        </Stroke>
                      </PolygonSymbolizer>
                      <LineSymbolizer>
                        <Geometry><ogc:PropertyName>geom</ogc:PropertyName></Geometry>
                        <Stroke/>
                      </LineSymbolizer>
                    </Rule>
                    <Rule>
                      <Title>其他</Title>
                      <ElseFilter/>
                      <MinScaleDenominator>1000</MinScaleDenominator>
                      <PointSymbolizer>
                        <Graphic>
                          <ExternalGraphic>
                            <OnlineResource xlink:type="simple" xlink:href="http://example.com/never.png"/>
                            <Format>image/png</Format>
                          </ExternalGraphic>
                          <Mark>
                            <WellKnownName>star</WellKnownName>
                            <Fill><CssParameter name="fill">#FF0000</CssParameter></Fill>
                            <Stroke><CssParameter name="stroke">#000000</CssParameter></Stroke>
                          </Mark>
                          <Opacity>0.5</Opacity>
                          <Size>12</Size>
                          <Rotation>45</Rotation>
                        </Graphic>
                      </PointSymbolizer>
                      <TextSymbolizer>
                        <Label><ogc:PropertyName>gengdi:YJJBNTTBBH</ogc:PropertyName></Label>
                        <Font>
                          <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
                          <CssParameter name="font-family">SansSerif</CssParameter>
                          <CssParameter name="font-size">13</CssParameter>
                          <CssParameter name="font-style">italic</CssParameter>
                          <CssParameter name="font-weight">bold</CssParameter>
                        </Font>
                        <LabelPlacement>
                          <PointPlacement>
                            <AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>1</AnchorPointY></AnchorPoint>
                            <Displacement><DisplacementX>3</DisplacementX><DisplacementY>-4</DisplacementY></Displacement>
                            <Rotation>0</Rotation>
                          </PointPlacement>
                        </LabelPlacement>
                        <Halo>
                          <Radius>2</Radius>
                          <Fill><CssParameter name="fill">#FFFF00</CssParameter></Fill>
                        </Halo>
                        <Fill><CssParameter name="fill">#333333</CssParameter></Fill>
                      </TextSymbolizer>
                    </Rule>
                  </FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>
            """;

    @Test
    void theTestDocumentIsValidSld100() {
        Schema s = OgcSchemas.compile(OgcSchemas.official(
                "http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd"));
        assertThat(OgcSchemas.validate(s, FULL_SLD_1_0.strip().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void readsAnSld100DocumentIntoTheModel() {
        List<LayerStyle> all = SldReader.read(FULL_SLD_1_0, catalogue());
        assertThat(all).hasSize(1);
        LayerStyle ls = all.get(0);
        assertThat(ls.layerName()).isEqualTo("YJJBNTBHTB");
        assertThat(ls.isDefault()).isTrue();
        Style s = ls.style();
        assertThat(s.name()).isEqualTo("slope");
        assertThat(s.title()).isEqualTo("坡度分级");
        assertThat(s.rules()).extracting(Rule::name).containsExactly("flat", "rule2");

        Rule flat = s.rules().get(0);
        assertThat(flat.title()).isEqualTo("平地");
        assertThat(flat.minScale()).isZero();
        assertThat(flat.maxScale()).isEqualTo(50000);
        assertThat(flat.elseFilter()).isFalse();
        assertThat(matches(flat, feature(LayerKind.RED_LINE, Map.of("GDPDJB", "1")))).isTrue();
        assertThat(matches(flat, feature(LayerKind.RED_LINE, Map.of("GDPDJB", "4")))).isFalse();
        PolygonSymbolizer p = (PolygonSymbolizer) flat.symbolizers().get(0);
        assertThat(p.fill()).isEqualTo(Fill.solid(new Color(0, 255, 0, 128)));
        Stroke st = p.stroke();
        assertThat(st.color()).isEqualTo(new Color(0, 0, 255, 51));
        assertThat(st.width()).isEqualTo(2.5);
        assertThat(st.dash()).containsExactly(5f, 2f, 1f);
        assertThat(st.lineJoin()).isEqualTo("miter");
        assertThat(st.lineCap()).isEqualTo("square");
        LineSymbolizer line = (LineSymbolizer) flat.symbolizers().get(1);
        assertThat(line.stroke().color()).as("SLD default stroke").isEqualTo(Color.BLACK);
        assertThat(line.stroke().width()).isEqualTo(1);

        Rule other = s.rules().get(1);
        assertThat(other.title()).isEqualTo("其他");
        assertThat(other.elseFilter()).isTrue();
        assertThat(other.filter()).isEqualTo(Filter.INCLUDE);
        assertThat(other.minScale()).isEqualTo(1000);
        assertThat(other.maxScale()).isInfinite();
        PointSymbolizer pt = (PointSymbolizer) other.symbolizers().get(0);
        assertThat(pt.mark()).isEqualTo(Mark.STAR);
        assertThat(pt.size()).isEqualTo(12);
        assertThat(pt.fill().color()).isEqualTo(new Color(255, 0, 0, 128));
        assertThat(pt.stroke().color()).isEqualTo(new Color(0, 0, 0, 128));
        TextSymbolizer t = (TextSymbolizer) other.symbolizers().get(1);
        assertThat(t.property()).isEqualTo("YJJBNTTBBH");
        assertThat(t.font().family()).isEqualTo("Noto Sans CJK SC");
        assertThat(t.font().size()).isEqualTo(13);
        assertThat(t.font().bold()).isTrue();
        assertThat(t.font().italic()).isTrue();
        assertThat(t.color()).isEqualTo(new Color(0x333333));
        assertThat(t.halo().radius()).isEqualTo(2);
        assertThat(t.halo().color()).isEqualTo(Color.YELLOW);
        assertThat(new double[] {t.anchorX(), t.anchorY(), t.displaceX(), t.displaceY()})
                .containsExactly(0.5, 1, 3, -4);
        assertThat(t.priority()).isZero();
    }

    @Test
    void readsSld110WithSymbologyEncodingAndOgcFilters() {
        String doc = """
                <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld"
                    xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer>
                    <se:Name>XZQ</se:Name>
                    <UserStyle>
                      <se:Name>towns</se:Name>
                      <se:Description><se:Title>乡镇</se:Title><se:Abstract>x</se:Abstract></se:Description>
                      <se:FeatureTypeStyle>
                        <se:Rule>
                          <se:Name>named</se:Name>
                          <se:Description><se:Title>有名称的乡镇</se:Title></se:Description>
                          <ogc:Filter><ogc:Not><ogc:PropertyIsNull>
                            <ogc:PropertyName>XZQMC</ogc:PropertyName>
                          </ogc:PropertyIsNull></ogc:Not></ogc:Filter>
                          <se:MinScaleDenominator>0</se:MinScaleDenominator>
                          <se:MaxScaleDenominator>250000</se:MaxScaleDenominator>
                          <se:PolygonSymbolizer uom="http://www.opengeospatial.org/se/units/pixel">
                            <se:Fill>
                              <se:GraphicFill><se:Graphic>
                                <se:Mark><se:WellKnownName>shape://times</se:WellKnownName>
                                  <se:Stroke>
                                    <se:SvgParameter name="stroke">#808000</se:SvgParameter>
                                    <se:SvgParameter name="stroke-width">0.5</se:SvgParameter>
                                  </se:Stroke>
                                </se:Mark>
                                <se:Size>6</se:Size>
                              </se:Graphic></se:GraphicFill>
                              <se:SvgParameter name="fill">#FFFFFF</se:SvgParameter>
                              <se:SvgParameter name="fill-opacity">0.25</se:SvgParameter>
                            </se:Fill>
                            <se:Stroke>
                              <se:SvgParameter name="stroke">#123456</se:SvgParameter>
                            </se:Stroke>
                          </se:PolygonSymbolizer>
                          <se:TextSymbolizer>
                            <se:Label><ogc:PropertyName>XZQMC</ogc:PropertyName></se:Label>
                            <se:Font><se:SvgParameter name="font-size">14px</se:SvgParameter></se:Font>
                            <se:LabelPlacement><se:PointPlacement>
                              <se:AnchorPoint><se:AnchorPointX>0.5</se:AnchorPointX>
                                <se:AnchorPointY>0.5</se:AnchorPointY></se:AnchorPoint>
                            </se:PointPlacement></se:LabelPlacement>
                            <se:Halo><se:Radius>1.5</se:Radius></se:Halo>
                            <se:VendorOption name="priority">7</se:VendorOption>
                            <se:VendorOption name="spaceAround">3</se:VendorOption>
                          </se:TextSymbolizer>
                        </se:Rule>
                      </se:FeatureTypeStyle>
                    </UserStyle>
                  </NamedLayer>
                </StyledLayerDescriptor>
                """;
        LayerStyle ls = SldReader.read(doc, catalogue()).get(0);
        assertThat(ls.layerName()).isEqualTo("XZQ");
        assertThat(ls.isDefault()).isFalse();
        Style s = ls.style();
        assertThat(s.name()).isEqualTo("towns");
        assertThat(s.title()).isEqualTo("乡镇");
        Rule r = s.rules().get(0);
        assertThat(r.title()).isEqualTo("有名称的乡镇");
        assertThat(r.maxScale()).isEqualTo(250000);
        assertThat(matches(r, feature(LayerKind.TOWNSHIP, Map.of("XZQMC", "城关镇")))).isTrue();
        assertThat(matches(r, feature(LayerKind.TOWNSHIP, Map.of()))).isFalse();
        PolygonSymbolizer p = (PolygonSymbolizer) r.symbolizers().get(0);
        assertThat(p.fill().hatch()).isEqualTo(Hatch.TIMES);
        assertThat(p.fill().hatchColor()).isEqualTo(new Color(0x808000));
        assertThat(p.fill().hatchWidth()).isEqualTo(0.5);
        assertThat(p.fill().hatchSpacing()).isEqualTo(6);
        assertThat(p.fill().color()).as("background under the hatch").isEqualTo(new Color(255, 255, 255, 64));
        assertThat(p.stroke().color()).isEqualTo(new Color(0x123456));
        TextSymbolizer t = (TextSymbolizer) r.symbolizers().get(1);
        assertThat(t.property()).isEqualTo("XZQMC");
        assertThat(t.font().size()).isEqualTo(14);
        assertThat(t.color()).isEqualTo(Color.BLACK);
        assertThat(t.halo()).isEqualTo(new org.gengdi.server.render.Symbolizer.Halo(1.5, Color.WHITE));
        assertThat(t.priority()).isEqualTo(7);
    }

    @Test
    void readsFes20FiltersAndABareSeFeatureTypeStyle() {
        String doc = """
                <se:FeatureTypeStyle xmlns:se="http://www.opengis.net/se" xmlns:fes="http://www.opengis.net/fes/2.0"
                    version="1.1.0">
                  <se:Name>paddy</se:Name>
                  <se:Rule>
                    <fes:Filter><fes:PropertyIsEqualTo>
                      <fes:ValueReference>DLBM</fes:ValueReference><fes:Literal>0101</fes:Literal>
                    </fes:PropertyIsEqualTo></fes:Filter>
                    <se:LineSymbolizer><se:Stroke>
                      <se:SvgParameter name="stroke">#ABCDEF</se:SvgParameter>
                      <se:SvgParameter name="stroke-width">3</se:SvgParameter>
                    </se:Stroke></se:LineSymbolizer>
                  </se:Rule>
                </se:FeatureTypeStyle>
                """;
        Style s = SldReader.readStyle(doc, ctx(LayerKind.CULTIVATED_LAND));
        assertThat(s.name()).isEqualTo("paddy");
        Rule r = s.rules().get(0);
        assertThat(r.name()).isEqualTo("rule1");
        assertThat(matches(r, feature(LayerKind.CULTIVATED_LAND, Map.of("DLBM", "0101")))).isTrue();
        assertThat(matches(r, feature(LayerKind.CULTIVATED_LAND, Map.of("DLBM", "0102")))).isFalse();
        assertThat(((LineSymbolizer) r.symbolizers().get(0)).stroke()).isEqualTo(
                Stroke.solid(new Color(0xABCDEF), 3));
    }

    @Test
    void readsABareUserStyleForOneLayer() {
        String doc = """
                <UserStyle xmlns="http://www.opengis.net/sld">
                  <Title>Bare</Title>
                  <FeatureTypeStyle><Rule><PolygonSymbolizer/></Rule></FeatureTypeStyle>
                </UserStyle>
                """;
        Style s = SldReader.readStyle(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                ctx(LayerKind.RESERVE));
        assertThat(s.name()).as("unnamed: the layer's name").isEqualTo("YJJBNTCBQ");
        assertThat(s.title()).isEqualTo("Bare");
        PolygonSymbolizer p = (PolygonSymbolizer) s.rules().get(0).symbolizers().get(0);
        assertThat(p.fill()).as("no Fill element: not filled").isNull();
        assertThat(p.stroke()).as("no Stroke element: not stroked").isNull();
    }

    @Test
    void readsSeveralLayersAndStylesAndFlattensFeatureTypeStylesInOrder() {
        String doc = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>STBHHX</Name>
                    <UserStyle><Name>a</Name>
                      <FeatureTypeStyle><Rule><Name>one</Name><LineSymbolizer/></Rule></FeatureTypeStyle>
                      <FeatureTypeStyle><Rule><Name>two</Name><LineSymbolizer/></Rule>
                        <Rule><Name>three</Name><LineSymbolizer/></Rule></FeatureTypeStyle>
                    </UserStyle>
                    <UserStyle><Name>b</Name><IsDefault>1</IsDefault>
                      <FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle>
                    </UserStyle>
                  </NamedLayer>
                  <NamedLayer><Name>CZKFBJ</Name>
                    <UserStyle><FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle>
                  </NamedLayer>
                </StyledLayerDescriptor>
                """;
        List<LayerStyle> all = SldReader.read(doc, catalogue());
        assertThat(all).extracting(LayerStyle::layerName).containsExactly("STBHHX", "STBHHX", "CZKFBJ");
        assertThat(all).extracting(ls -> ls.style().name()).containsExactly("a", "b", "CZKFBJ");
        assertThat(all).extracting(LayerStyle::isDefault).containsExactly(false, true, false);
        assertThat(all.get(0).style().rules()).extracting(Rule::name).containsExactly("one", "two", "three");
    }

    @Test
    void readStyleTakesTheDefaultUserStyle() {
        String doc = """
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>whatever</Name>
                    <UserStyle><Name>a</Name><FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle>
                    </UserStyle>
                    <UserStyle><Name>b</Name><IsDefault>1</IsDefault>
                      <FeatureTypeStyle><Rule><LineSymbolizer/></Rule></FeatureTypeStyle></UserStyle>
                  </NamedLayer>
                </StyledLayerDescriptor>
                """;
        assertThat(SldReader.readStyle(doc, ctx(LayerKind.HIGH_STANDARD_FARMLAND)).name()).isEqualTo("b");
    }

    @ParameterizedTest
    @CsvSource({"shape://slash,SLASH", "shape://backslash,BACKSLASH", "shape://times,TIMES", "x,TIMES",
            "shape://horline,HORLINE", "shape://vertline,VERTLINE", "shape://plus,PLUS", "cross,PLUS",
            "shape://dot,DOT", "circle,DOT", "SHAPE://SLASH,SLASH"})
    void graphicFillMarksBecomeHatches(String wkn, Hatch hatch) {
        String rules = """
                <Rule><PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark>
                  <WellKnownName>%s</WellKnownName>
                  <Stroke><CssParameter name="stroke">#FF8000</CssParameter>
                    <CssParameter name="stroke-opacity">0.5</CssParameter></Stroke>
                </Mark></Graphic></GraphicFill></Fill></PolygonSymbolizer></Rule>""".formatted(wkn);
        Fill f = ((PolygonSymbolizer) SldReader.read(sld10("YJJBNTCBQ", rules), catalogue()).get(0).style()
                .rules().get(0).symbolizers().get(0)).fill();
        assertThat(f.hatch()).isEqualTo(hatch);
        assertThat(f.hatchColor()).isEqualTo(new Color(255, 128, 0, 128));
        assertThat(f.hatchSpacing()).as("default spacing").isEqualTo(8);
        assertThat(f.hatchWidth()).isEqualTo(1);
        assertThat(f.color()).as("no background").isNull();
    }

    @ParameterizedTest
    @CsvSource({"circle,CIRCLE", "square,SQUARE", "triangle,TRIANGLE", "star,STAR", "cross,CROSS", "x,X"})
    void pointMarks(String wkn, Mark mark) {
        String rules = """
                <Rule><PointSymbolizer><Graphic><Mark><WellKnownName>%s</WellKnownName></Mark>
                </Graphic></PointSymbolizer></Rule>""".formatted(wkn);
        PointSymbolizer p = (PointSymbolizer) SldReader.read(sld10("YJJBNTBHTB", rules), catalogue()).get(0)
                .style().rules().get(0).symbolizers().get(0);
        assertThat(p.mark()).isEqualTo(mark);
        assertThat(p.size()).isEqualTo(6);
        assertThat(p.fill()).as("SLD default grey fill").isEqualTo(Fill.solid(new Color(0x808080)));
        assertThat(p.stroke().color()).isEqualTo(Color.BLACK);
    }

    @Test
    void aPointSymbolizerWithoutGraphicIsTheDefaultSquare() {
        PointSymbolizer p = (PointSymbolizer) SldReader.read(sld10("YJJBNTBHTB",
                "<Rule><PointSymbolizer/></Rule>"), catalogue()).get(0).style().rules().get(0).symbolizers().get(0);
        assertThat(p.mark()).isEqualTo(Mark.SQUARE);
        assertThat(p.size()).isEqualTo(6);
    }

    @Test
    void aMarkWithOnlyAFillHasNoOutline() {
        String rules = """
                <Rule><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName>
                  <Fill><CssParameter name="fill">#112233</CssParameter></Fill></Mark><Size>9</Size>
                </Graphic></PointSymbolizer></Rule>""";
        PointSymbolizer p = (PointSymbolizer) SldReader.read(sld10("YJJBNTBHTB", rules), catalogue()).get(0)
                .style().rules().get(0).symbolizers().get(0);
        assertThat(p.fill()).isEqualTo(Fill.solid(new Color(0x112233)));
        assertThat(p.stroke()).isNull();
        assertThat(p.size()).isEqualTo(9);
    }

    @Test
    void opacitiesFoldIntoAlphaAndOpacityZeroIsTransparent() {
        String rules = """
                <Rule><PolygonSymbolizer>
                  <Fill><CssParameter name="fill">#FFFFFF</CssParameter>
                    <CssParameter name="fill-opacity">0</CssParameter></Fill>
                  <Stroke><CssParameter name="stroke-opacity">1.0</CssParameter>
                    <CssParameter name="stroke-width">0</CssParameter></Stroke>
                </PolygonSymbolizer></Rule>""";
        PolygonSymbolizer p = (PolygonSymbolizer) SldReader.read(sld10("YJJBNTBHTB", rules), catalogue()).get(0)
                .style().rules().get(0).symbolizers().get(0);
        assertThat(p.fill().color().getAlpha()).isZero();
        assertThat(p.stroke().color()).isEqualTo(Color.BLACK);
        assertThat(p.stroke().width()).isZero();
    }

    @Test
    void aFillWithoutColourIsSldGrey() {
        PolygonSymbolizer p = (PolygonSymbolizer) SldReader.read(sld10("YJJBNTBHTB",
                        "<Rule><PolygonSymbolizer><Fill/></PolygonSymbolizer></Rule>"), catalogue()).get(0)
                .style().rules().get(0).symbolizers().get(0);
        assertThat(p.fill()).isEqualTo(Fill.solid(new Color(0x808080)));
    }

    @Test
    void priorityAlsoComesFromAPriorityElement() {
        String rules = """
                <Rule><TextSymbolizer><Label><ogc:PropertyName>TBBH</ogc:PropertyName></Label>
                  <Priority><ogc:Literal>12.5</ogc:Literal></Priority></TextSymbolizer></Rule>""";
        TextSymbolizer t = (TextSymbolizer) SldReader.read(sld10("YJJBNTBHTB", rules), catalogue()).get(0)
                .style().rules().get(0).symbolizers().get(0);
        assertThat(t.priority()).isEqualTo(12.5);
        assertThat(t.anchorX()).as("SLD's default anchor").isZero();
        assertThat(t.anchorY()).isEqualTo(0.5);
        assertThat(t.font().family()).isEqualTo("SansSerif");
        assertThat(t.font().size()).isEqualTo(10);
        assertThat(t.halo()).isNull();
    }

    @Test
    void labelsMayBeWrittenWithALayerPathOrInTheSldNamespace() {
        String rules = """
                <Rule><TextSymbolizer><Label>
                  <PropertyName>YJJBNTBHTB/tbbh</PropertyName>
                </Label></TextSymbolizer></Rule>""";
        TextSymbolizer t = (TextSymbolizer) SldReader.read(sld10("YJJBNTBHTB", rules), catalogue()).get(0)
                .style().rules().get(0).symbolizers().get(0);
        assertThat(t.property()).as("schema spelling").isEqualTo("TBBH");
    }

    @Test
    void scaleDenominatorsBoundTheRule() {
        String rules = """
                <Rule><MinScaleDenominator>5000</MinScaleDenominator>
                  <MaxScaleDenominator>1e5</MaxScaleDenominator><LineSymbolizer/></Rule>""";
        Rule r = SldReader.read(sld10("YJJBNTBHTB", rules), catalogue()).get(0).style().rules().get(0);
        assertThat(r.appliesAt(4999)).isFalse();
        assertThat(r.appliesAt(5000)).isTrue();
        assertThat(r.appliesAt(99_999)).isTrue();
        assertThat(r.appliesAt(100_000)).isFalse();
    }

    @Test
    void readingIsThreadSafe() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Style expected = SldReader.read(FULL_SLD_1_0, catalogue()).get(0).style();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; k < 50; k++) {
                        Style s = SldReader.read(FULL_SLD_1_0, catalogue()).get(0).style();
                        if (!s.rules().get(0).filter().equals(expected.rules().get(0).filter())) {
                            throw new AssertionError("different result");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }
}
