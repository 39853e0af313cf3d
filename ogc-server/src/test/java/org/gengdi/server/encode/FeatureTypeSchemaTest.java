package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerCatalogue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class FeatureTypeSchemaTest {

    @ParameterizedTest
    @EnumSource(GmlVersion.class)
    void everyCatalogueTypeMakesAValidSchema(GmlVersion version) {
        List<FeatureType> all = LayerCatalogue.all(4490);
        String xsd = FeatureTypeSchema.toString(all, version, "gengdi", "http://gengdi.org/farmland");
        // Compiling it against the official GML schema checks every type reference and the substitution group.
        OgcSchemas.compile(new StreamSource(new StringReader(xsd), OgcSchemas.APP_SCHEMA_LOCATION));
    }

    @Test
    void aTypeIsAnElementExtendingAbstractFeatureWithItsPropertiesInOrder() throws Exception {
        String xsd = FeatureTypeSchema.toString(List.of(RedLineParcels.TYPE), GmlVersion.GML_3_2, "gengdi",
                "http://gengdi.org/farmland");
        Element schema = GmlEncoderTest.parse(OgcSchemas.utf8(xsd)).getDocumentElement();
        assertThat(schema.getAttribute("targetNamespace")).isEqualTo("http://gengdi.org/farmland");
        assertThat(xsd).contains("<xsd:import namespace=\"http://www.opengis.net/gml/3.2\" "
                        + "schemaLocation=\"http://schemas.opengis.net/gml/3.2.1/gml.xsd\"/>")
                .contains("<xsd:extension base=\"gml:AbstractFeatureType\">")
                .contains("<xsd:element name=\"DLBM\" minOccurs=\"0\" maxOccurs=\"1\"><xsd:simpleType>"
                        + "<xsd:restriction base=\"xsd:string\"><xsd:maxLength value=\"5\"/>")
                .contains("<xsd:element name=\"YJJBNTTBMJ\" type=\"xsd:double\" minOccurs=\"0\" maxOccurs=\"1\"/>")
                .contains("<xsd:element name=\"SJNF\" type=\"xsd:int\"")
                .contains("<xsd:element name=\"BHKSSJ\" type=\"xsd:date\"")
                .contains("<xsd:element name=\"geom\" type=\"gml:MultiSurfacePropertyType\" minOccurs=\"0\"")
                .contains("<xsd:element name=\"YJJBNTBHTB\" type=\"gengdi:YJJBNTBHTBType\" "
                        + "substitutionGroup=\"gml:AbstractFeature\"/>")
                .doesNotContain("ZRRMC");
        assertThat(xsd.indexOf("name=\"BSM\"")).isLessThan(xsd.indexOf("name=\"DLBM\""));
        assertThat(xsd.indexOf("name=\"BZ\"")).isLessThan(xsd.indexOf("name=\"geom\""));
    }

    @Test
    void geometryPropertyTypesFollowTheGmlVersion() {
        assertThat(FeatureTypeSchema.geometryPropertyType(GeometryKind.MULTIPOLYGON, GmlVersion.GML_3_2))
                .isEqualTo("MultiSurfacePropertyType");
        assertThat(FeatureTypeSchema.geometryPropertyType(GeometryKind.MULTIPOLYGON, GmlVersion.GML_2_1_2))
                .isEqualTo("MultiPolygonPropertyType");
        assertThat(FeatureTypeSchema.geometryPropertyType(GeometryKind.LINESTRING, GmlVersion.GML_3_1_1))
                .isEqualTo("CurvePropertyType");
        String v2 = FeatureTypeSchema.toString(List.of(RedLineParcels.TYPE), GmlVersion.GML_2_1_2, "gengdi",
                "http://gengdi.org/farmland");
        assertThat(v2).contains("substitutionGroup=\"gml:_Feature\"")
                .contains("schemaLocation=\"http://schemas.opengis.net/gml/2.1.2/feature.xsd\"");
    }
}
