<?xml version="1.0" encoding="UTF-8"?>
<!-- Default style of DLTB (land-use parcels) coloured by first-level class of the 3rd national land survey working classification; colours after a published 三调 style template (MapGIS), see the report. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld"
    xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>DLTB</Name>
    <UserStyle>
      <Name>landuse_sandiao</Name>
      <Title>地类图斑（三调工作分类一级类）</Title>
      <Abstract>地类图斑按地类编码（DLBM）的三调工作分类一级类着色，灰色细边线；湿地（00）含 0303、0304、0306、0402、0603、1105、1106、1108。</Abstract>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule>
          <Name>class_00</Name>
          <Title>00 湿地</Title>
          <ogc:Filter>
            <ogc:Or>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0303*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0304*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0306*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0402*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0603*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1105*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1106*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1108*</ogc:Literal>
              </ogc:PropertyIsLike>
            </ogc:Or>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#AFC8DC</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_01</Name>
          <Title>01 耕地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>01*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#FFFBB1</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_02</Name>
          <Title>02 种植园用地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>02*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#D6A7C9</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_03</Name>
          <Title>03 林地</Title>
          <ogc:Filter>
            <ogc:Or>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0301*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0302*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0305*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0307*</ogc:Literal>
              </ogc:PropertyIsLike>
            </ogc:Or>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#31AD69</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_04</Name>
          <Title>04 草地</Title>
          <ogc:Filter>
            <ogc:Or>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0401*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0403*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0404*</ogc:Literal>
              </ogc:PropertyIsLike>
            </ogc:Or>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#83C238</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_05</Name>
          <Title>05 商业服务业用地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>05*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#E2A195</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_06</Name>
          <Title>06 工矿用地</Title>
          <ogc:Filter>
            <ogc:Or>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0601*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>0602*</ogc:Literal>
              </ogc:PropertyIsLike>
            </ogc:Or>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#C59A8C</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_07</Name>
          <Title>07 住宅用地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>07*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#E56766</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_08</Name>
          <Title>08 公共管理与公共服务用地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>08*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#F1A5B4</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_09</Name>
          <Title>09 特殊用地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>09*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#C17261</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_10</Name>
          <Title>10 交通运输用地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>10*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#C2C1C1</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_11</Name>
          <Title>11 水域及水利设施用地</Title>
          <ogc:Filter>
            <ogc:Or>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1101*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1102*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1103*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1104*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1107*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1109*</ogc:Literal>
              </ogc:PropertyIsLike>
              <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
                <ogc:PropertyName>DLBM</ogc:PropertyName>
                <ogc:Literal>1110*</ogc:Literal>
              </ogc:PropertyIsLike>
            </ogc:Or>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#A3D6F5</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_12</Name>
          <Title>12 其他土地</Title>
          <ogc:Filter>
            <ogc:PropertyIsLike wildCard="*" singleChar="?" escape="\">
              <ogc:PropertyName>DLBM</ogc:PropertyName>
              <ogc:Literal>12*</ogc:Literal>
            </ogc:PropertyIsLike>
          </ogc:Filter>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#D7C8B9</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>class_other</Name>
          <Title>其他（地类编码缺失或不可识别）</Title>
          <ElseFilter/>
            <PolygonSymbolizer>
              <Fill>
                <CssParameter name="fill">#F0F0F0</CssParameter>
              </Fill>
              <Stroke>
                <CssParameter name="stroke">#A0A0A0</CssParameter>
                <CssParameter name="stroke-width">0.4</CssParameter>
                <CssParameter name="stroke-linejoin">round</CssParameter>
              </Stroke>
            </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
