package org.gengdi.server.encode;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.crs.AxisOrder;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GML 2, 3.1.1 or 3.2 to a StAX writer, in the simple-features vocabulary:
 * <ul>
 * <li>GML 3: {@code Point/pos}, {@code LineString/posList}, {@code Polygon/exterior|interior/LinearRing/posList},
 * {@code MultiSurface/surfaceMember}, {@code MultiCurve/curveMember}, {@code MultiPoint/pointMember},
 * {@code MultiGeometry/geometryMember}; the outer geometry carries {@code srsName} and {@code srsDimension="2"}.
 * GML 3.2 requires a {@code gml:id} on every geometry: the outer one gets the id given, its parts that id with
 * {@code .1}, {@code .2}, … appended (rings are not GML objects and get none).</li>
 * <li>GML 2: {@code Point}, {@code LineString}, {@code Polygon/outerBoundaryIs|innerBoundaryIs/LinearRing},
 * {@code MultiPolygon/polygonMember}, {@code MultiLineString/lineStringMember}, {@code MultiPoint/pointMember},
 * {@code MultiGeometry/geometryMember}, all with {@code coordinates} ({@code x,y x,y}); {@code srsName} outside.</li>
 * </ul>
 * Coordinates are listed in the axis order given; one instance serves one document and is not thread-safe.
 */
final class GmlGeometryWriter {
    private final XMLStreamWriter xml;
    private final GmlVersion version;
    private final String gml;
    private final CoordinateFormat format;
    private final boolean northFirst;
    private final String srsName;
    private final StringBuilder text = new StringBuilder(256);

    GmlGeometryWriter(XMLStreamWriter xml, GmlVersion version, CoordinateFormat format, AxisOrder order,
                      String srsName) {
        this.xml = xml;
        this.version = version;
        this.gml = version.namespace();
        this.format = format;
        this.northFirst = order == AxisOrder.NORTH_EAST;
        this.srsName = srsName;
    }

    /** Writes one geometry element; {@code id} is used by GML 3.2 only. */
    void write(Geometry g, String id) throws XMLStreamException {
        geometry(g, id, true);
    }

    private void geometry(Geometry g, String id, boolean outer) throws XMLStreamException {
        if (g instanceof Point p) {
            start("Point", id, outer);
            coordinates(p.getCoordinateSequence(), true);
            xml.writeEndElement();
        } else if (g instanceof LineString l) { // also a LinearRing on its own
            start("LineString", id, outer);
            coordinates(l.getCoordinateSequence(), false);
            xml.writeEndElement();
        } else if (g instanceof Polygon p) {
            polygon(p, id, outer);
        } else if (g instanceof MultiPolygon) {
            collection(g, id, outer, version.isGml3() ? "MultiSurface" : "MultiPolygon",
                    version.isGml3() ? "surfaceMember" : "polygonMember");
        } else if (g instanceof MultiLineString) {
            collection(g, id, outer, version.isGml3() ? "MultiCurve" : "MultiLineString",
                    version.isGml3() ? "curveMember" : "lineStringMember");
        } else if (g instanceof MultiPoint) {
            collection(g, id, outer, "MultiPoint", "pointMember");
        } else if (g instanceof GeometryCollection) {
            collection(g, id, outer, "MultiGeometry", "geometryMember");
        } else {
            throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
        }
    }

    private void polygon(Polygon p, String id, boolean outer) throws XMLStreamException {
        start("Polygon", id, outer);
        ring(version.isGml3() ? "exterior" : "outerBoundaryIs", p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(version.isGml3() ? "interior" : "innerBoundaryIs", p.getInteriorRingN(i).getCoordinateSequence());
        }
        xml.writeEndElement();
    }

    private void ring(String boundary, CoordinateSequence seq) throws XMLStreamException {
        xml.writeStartElement("gml", boundary, gml);
        xml.writeStartElement("gml", "LinearRing", gml);
        coordinates(seq, false);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void collection(Geometry g, String id, boolean outer, String name, String member)
            throws XMLStreamException {
        start(name, id, outer);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            xml.writeStartElement("gml", member, gml);
            geometry(g.getGeometryN(i), id == null ? null : id + "." + (i + 1), false);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void start(String name, String id, boolean outer) throws XMLStreamException {
        xml.writeStartElement("gml", name, gml);
        if (version == GmlVersion.GML_3_2 && id != null) {
            xml.writeAttribute("gml", gml, "id", id);
        }
        if (outer && srsName != null) {
            xml.writeAttribute("srsName", srsName);
            if (version.isGml3()) {
                xml.writeAttribute("srsDimension", "2");
            }
        }
    }

    /** {@code pos} / {@code posList} in GML 3, {@code coordinates} in GML 2. */
    private void coordinates(CoordinateSequence seq, boolean single) throws XMLStreamException {
        text.setLength(0);
        boolean gml2 = !version.isGml3();
        for (int i = 0, n = seq.size(); i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            double first = northFirst ? seq.getY(i) : seq.getX(i);
            double second = northFirst ? seq.getX(i) : seq.getY(i);
            format.append(text, first);
            text.append(gml2 ? ',' : ' ');
            format.append(text, second);
        }
        xml.writeStartElement("gml", gml2 ? "coordinates" : single ? "pos" : "posList", gml);
        xml.writeCharacters(text.toString());
        xml.writeEndElement();
    }
}
