<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of XZQ (townships): dash-dot boundary, township name label at 1:250,000 and larger. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>XZQ</Name>
    <UserStyle>
      <Name>township_boundary</Name>
      <Title>乡级行政区</Title>
      <Abstract>乡级行政区界线：灰色点划线（一划一点）；1:250000 及更大比例尺注记乡镇名。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>boundary</Name>
          <Title>乡级行政区界线</Title>
            <PolygonSymbolizer>
              <Stroke>
                <CssParameter name="stroke">#666666</CssParameter>
                <CssParameter name="stroke-width">1.5</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">8 3 2 3</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>name</Name>
          <Title>乡级行政区名称</Title>
          <MaxScaleDenominator>250000</MaxScaleDenominator>
            <TextSymbolizer>
              <Label>
                <ogc:PropertyName>XZQMC</ogc:PropertyName>
              </Label>
              <Font>
                <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
                <CssParameter name="font-size">14</CssParameter>
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
                <CssParameter name="fill">#404040</CssParameter>
              </Fill>
            </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
