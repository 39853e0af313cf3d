<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of YYSYBHQ (drinking-water source protection area): by protection level BHQJB. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>YYSYBHQ</Name>
    <UserStyle>
      <Name>water_source</Name>
      <Title>饮用水水源保护区</Title>
      <Abstract>饮用水水源保护区：一级保护区深蓝，二级保护区浅蓝虚线，其他（准保护区等）更浅。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>level1</Name>
          <Title>一级保护区</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>BHQJB</ogc:PropertyName>
              <ogc:Literal>一级</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#0070C0</CssParameter>
                <CssParameter name="fill-opacity">0.35</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#004C99</CssParameter>
                <CssParameter name="stroke-width">1.5</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>level2</Name>
          <Title>二级保护区</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>BHQJB</ogc:PropertyName>
              <ogc:Literal>二级</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#5BA3E0</CssParameter>
                <CssParameter name="fill-opacity">0.25</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#1F77B4</CssParameter>
                <CssParameter name="stroke-width">1.2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">8 3</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>other</Name>
          <Title>其他保护范围（准保护区等）</Title>
          <ElseFilter/>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#A8D1F0</CssParameter>
                <CssParameter name="fill-opacity">0.2</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#5B9BD5</CssParameter>
                <CssParameter name="stroke-width">1</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">4 3</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
