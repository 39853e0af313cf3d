<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of HHGLFW (river and lake management range): blue. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>HHGLFW</Name>
    <UserStyle>
      <Name>river_lake_range</Name>
      <Title>河湖管理范围</Title>
      <Abstract>河湖管理范围：浅蓝色半透明填充，蓝色虚线边界。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>river_lake_range</Name>
          <Title>河湖管理范围</Title>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#6FB7F2</CssParameter>
                <CssParameter name="fill-opacity">0.35</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#1E6FD9</CssParameter>
                <CssParameter name="stroke-width">1.2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">6 3</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
