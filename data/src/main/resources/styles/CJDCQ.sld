<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of CJDCQ (villages): short-dash boundary, village name (ZLDWMC) label at 1:50,000 and larger. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>CJDCQ</Name>
    <UserStyle>
      <Name>village_boundary</Name>
      <Title>村级调查区</Title>
      <Abstract>村级调查区界线：浅灰色短虚线；1:50000 及更大比例尺注记村名（坐落单位名称）。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>boundary</Name>
          <Title>村级调查区界线</Title>
            <PolygonSymbolizer>
              <Stroke>
                <CssParameter name="stroke">#8C8C8C</CssParameter>
                <CssParameter name="stroke-width">0.8</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
                <CssParameter name="stroke-dasharray">4 3</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>name</Name>
          <Title>村级调查区名称</Title>
          <MaxScaleDenominator>50000</MaxScaleDenominator>
            <TextSymbolizer>
              <Label>
                <ogc:PropertyName>ZLDWMC</ogc:PropertyName>
              </Label>
              <Font>
                <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
                <CssParameter name="font-size">11</CssParameter>
                <CssParameter name="font-style">normal</CssParameter>
                <CssParameter name="font-weight">normal</CssParameter>
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
                <Radius>1.5</Radius>
                <Fill>
                  <CssParameter name="fill">#FFFFFF</CssParameter>
                </Fill>
              </Halo>
              <Fill>
                <CssParameter name="fill">#4D4D4D</CssParameter>
              </Fill>
            </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
