package org.gengdi.server.encode;

/** The GML versions Gengdi writes, one per WFS version, with their namespaces and official schema locations. */
public enum GmlVersion {
    /** GML 2.1.2, for WFS 1.0.0. */
    GML_2_1_2("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/2.1.2/feature.xsd",
            "http://www.opengis.net/wfs", "http://schemas.opengis.net/wfs/1.0.0/WFS-basic.xsd", "_Feature"),
    /** GML 3.1.1, for WFS 1.1.0. */
    GML_3_1_1("http://www.opengis.net/gml", "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd",
            "http://www.opengis.net/wfs", "http://schemas.opengis.net/wfs/1.1.0/wfs.xsd", "_Feature"),
    /** GML 3.2.1 (namespace {@code http://www.opengis.net/gml/3.2}), for WFS 2.0.0. */
    GML_3_2("http://www.opengis.net/gml/3.2", "http://schemas.opengis.net/gml/3.2.1/gml.xsd",
            "http://www.opengis.net/wfs/2.0", "http://schemas.opengis.net/wfs/2.0/wfs.xsd", "AbstractFeature");

    private final String namespace;
    private final String schemaLocation;
    private final String wfsNamespace;
    private final String wfsSchemaLocation;
    private final String abstractFeature;

    GmlVersion(String namespace, String schemaLocation, String wfsNamespace, String wfsSchemaLocation,
               String abstractFeature) {
        this.namespace = namespace;
        this.schemaLocation = schemaLocation;
        this.wfsNamespace = wfsNamespace;
        this.wfsSchemaLocation = wfsSchemaLocation;
        this.abstractFeature = abstractFeature;
    }

    /** The GML namespace. */
    public String namespace() {
        return namespace;
    }

    /** The official schema an application schema imports. */
    public String schemaLocation() {
        return schemaLocation;
    }

    /** The namespace of the WFS version that uses this GML. */
    public String wfsNamespace() {
        return wfsNamespace;
    }

    /** The official schema of that WFS version's responses. */
    public String wfsSchemaLocation() {
        return wfsSchemaLocation;
    }

    /** The local name of the abstract feature element features substitute for. */
    public String abstractFeatureElement() {
        return abstractFeature;
    }

    /** True for GML 3.1.1 and 3.2 (posList, MultiSurface), false for GML 2 (coordinates, MultiPolygon). */
    public boolean isGml3() {
        return this != GML_2_1_2;
    }
}
