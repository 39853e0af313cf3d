<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of XJXZQ (county): dash-dot-dot boundary, county name label at 1:1,000,000 and larger. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>XJXZQ</Name>
    <UserStyle>
      <Name>county_boundary</Name>
      <Title>县级行政区</Title>
      <Abstract>县级行政区界线：深灰色点划线（一划两点）；1:1000000 及更大比例尺注记县名。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>boundary</Name>
          <Title>县级行政区界线</Title>
            <PolygonSymbolizer>
              <Stroke>
                <CssParameter name="stroke">#4D4D4D</CssParameter>
                <CssParameter name="stroke-width">2.2</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">12 3 2 3 2 3</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>name</Name>
          <Title>县级行政区名称</Title>
          <MaxScaleDenominator>1000000</MaxScaleDenominator>
            <TextSymbolizer>
              <Label>
                <ogc:PropertyName>XZQMC</ogc:PropertyName>
              </Label>
              <Font>
                <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
                <CssParameter name="font-size">18</CssParameter>
                <CssParameter name="font-style">normal</CssParameter>
                <CssParameter name="font-weight">bold</CssParameter>
              </Font>
              <LabelPlacement>
                <PointPlacement>
                  <AnchorPoint>
                    <AnchorPointX>0.5</AnchorPointX>
                    <AnchorPointY>0.5</AnchorPointY>
                  </AnchorPoint>
                </PointPlacement>
              </LabelPlacement>
              <Halo>
                <Radius>2</Radius>
                <Fill>
                  <CssParameter name="fill">#FFFFFF</CssParameter>
                </Fill>
              </Halo>
              <Fill>
                <CssParameter name="fill">#333333</CssParameter>
              </Fill>
            </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
