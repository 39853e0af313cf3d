<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of CZKFBJ (urban development boundary): purple dashed outline, no fill. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>CZKFBJ</Name>
    <UserStyle>
      <Name>urban_boundary</Name>
      <Title>城镇开发边界</Title>
      <Abstract>城镇开发边界：紫色虚线边界，不填充。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>urban_boundary</Name>
          <Title>城镇开发边界</Title>
            <PolygonSymbolizer>
              <Stroke>
                <CssParameter name="stroke">#9B30C8</CssParameter>
                <CssParameter name="stroke-width">2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">10 4</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
