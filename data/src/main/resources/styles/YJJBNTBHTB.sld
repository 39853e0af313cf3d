<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of YJJBNTBHTB (permanent basic farmland red line): red outline, light fill, parcel numbers at large scales. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>YJJBNTBHTB</Name>
    <UserStyle>
      <Name>redline</Name>
      <Title>永久基本农田保护红线</Title>
      <Abstract>永久基本农田保护图斑：红色边线（1.5 像素），浅黄色半透明填充；大比例尺（1:5000 及更大）注记图斑编号。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>redline</Name>
          <Title>永久基本农田保护图斑</Title>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#FFEB9C</CssParameter>
                <CssParameter name="fill-opacity">0.5</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#FF0000</CssParameter>
                <CssParameter name="stroke-width">1.5</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>parcel_number</Name>
          <Title>永久基本农田图斑编号</Title>
          <MaxScaleDenominator>5000</MaxScaleDenominator>
            <TextSymbolizer>
              <Label>
                <ogc:PropertyName>YJJBNTTBBH</ogc:PropertyName>
              </Label>
              <Font>
                <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
                <CssParameter name="font-size">10</CssParameter>
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
                <CssParameter name="fill">#B00000</CssParameter>
              </Fill>
            </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
