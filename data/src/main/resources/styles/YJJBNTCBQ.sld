<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of YJJBNTCBQ (reserve area): orange-brown slash hatch with a brown outline. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>YJJBNTCBQ</Name>
    <UserStyle>
      <Name>reserve_hatch</Name>
      <Title>永久基本农田储备区</Title>
      <Abstract>永久基本农田储备区：橙褐色斜线填充，褐色边线。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>reserve</Name>
          <Title>永久基本农田储备区</Title>
            <PolygonSymbolizer>
              <Fill>
                <GraphicFill>
                  <Graphic>
                    <Mark>
                      <WellKnownName>shape://slash</WellKnownName>
                      <Stroke>
                        <CssParameter name="stroke">#C8782D</CssParameter>
                        <CssParameter name="stroke-width">1</CssParameter>
                      </Stroke>
                    </Mark>
                    <Size>8</Size>
                  </Graphic>
                </GraphicFill>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#8B4513</CssParameter>
                <CssParameter name="stroke-width">1.2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
