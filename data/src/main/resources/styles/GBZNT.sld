<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of GBZNT (high-standard farmland): yellow-green fill, olive outline. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>GBZNT</Name>
    <UserStyle>
      <Name>high_standard_farmland</Name>
      <Title>高标准农田</Title>
      <Abstract>高标准农田：黄绿色半透明填充，橄榄绿边线。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>high_standard_farmland</Name>
          <Title>高标准农田</Title>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#C8E08C</CssParameter>
                <CssParameter name="fill-opacity">0.55</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#6B8E23</CssParameter>
                <CssParameter name="stroke-width">1.2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
