<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of STBHHX (ecological protection red line): green. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>STBHHX</Name>
    <UserStyle>
      <Name>ecological_redline</Name>
      <Title>生态保护红线</Title>
      <Abstract>生态保护红线：绿色半透明填充，深绿色边线。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>ecological_redline</Name>
          <Title>生态保护红线</Title>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#2E9E3E</CssParameter>
                <CssParameter name="fill-opacity">0.3</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#0B6623</CssParameter>
                <CssParameter name="stroke-width">2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
