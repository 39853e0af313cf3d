package org.gengdi.core.filter.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.cql2.Token.Kind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads the WKT-style geometry literals of CQL2 ({@code POINT}, {@code LINESTRING}, {@code POLYGON},
 * {@code MULTIPOINT}, {@code MULTILINESTRING}, {@code MULTIPOLYGON}, {@code GEOMETRYCOLLECTION}, each optionally
 * {@code Z}) and boxes ({@code BBOX(w,s,e,n)}, {@code BBOX(w,s,zmin,e,n,zmax)}, and the draft-CQL2
 * {@code ENVELOPE(w,s,e,n)}). Coordinate pairs are read in the given axis order and returned as x = east,
 * y = north; a third ordinate is read and dropped. Polygons must be closed and valid.
 */
final class GeometryLiteralReader {
    /** Names that start a geometry literal. */
    static final Set<String> TAGS = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION", "BBOX", "ENVELOPE");

    private static final GeometryFactory GF = new GeometryFactory();

    private final TokenCursor in;

    GeometryLiteralReader(TokenCursor in) {
        this.in = in;
    }

    /** True when the current token starts a geometry literal. */
    static boolean atLiteral(TokenCursor in) {
        String kw = in.peek().keyword();
        return kw != null && TAGS.contains(kw);
    }

    GeometryLiteral read(AxisOrder order) {
        Token tag = in.next();
        String kind = tag.keyword();
        if (kind.equals("BBOX") || kind.equals("ENVELOPE")) {
            Envelope box = box(tag, order);
            return new GeometryLiteral(GF.toGeometry(box), box, tag.start());
        }
        Geometry g = tagged(tag, order, true);
        check(g, tag);
        return new GeometryLiteral(g, null, tag.start());
    }

    private Geometry tagged(Token tag, AxisOrder order, boolean collectionAllowed) {
        String kind = tag.keyword();
        boolean z = in.acceptKeyword("Z");
        if (in.atKeyword("M") || in.atKeyword("ZM")) {
            throw new FilterParseException("measured (M) coordinates are not supported", in.peek().start());
        }
        if (in.atKeyword("EMPTY")) {
            throw new FilterParseException("empty geometries are not supported", in.peek().start());
        }
        return switch (kind) {
            case "POINT" -> {
                in.expect(Kind.LPAREN, "'(' after POINT");
                Coordinate c = coordinate(order, z);
                in.expect(Kind.RPAREN, "')'");
                yield GF.createPoint(c);
            }
            case "LINESTRING" -> lineString(order, z);
            case "POLYGON" -> polygon(order, z);
            case "MULTIPOINT" -> multiPoint(order, z);
            case "MULTILINESTRING" -> {
                List<LineString> lines = new ArrayList<>();
                in.expect(Kind.LPAREN, "'(' after MULTILINESTRING");
                do {
                    lines.add(lineString(order, z));
                } while (in.accept(Kind.COMMA));
                in.expect(Kind.RPAREN, "',' or ')'");
                yield GF.createMultiLineString(lines.toArray(new LineString[0]));
            }
            case "MULTIPOLYGON" -> {
                List<Polygon> polygons = new ArrayList<>();
                in.expect(Kind.LPAREN, "'(' after MULTIPOLYGON");
                do {
                    polygons.add(polygon(order, z));
                } while (in.accept(Kind.COMMA));
                in.expect(Kind.RPAREN, "',' or ')'");
                yield GF.createMultiPolygon(polygons.toArray(new Polygon[0]));
            }
            case "GEOMETRYCOLLECTION" -> {
                if (!collectionAllowed) {
                    throw new FilterParseException("a GEOMETRYCOLLECTION cannot contain a GEOMETRYCOLLECTION",
                            tag.start());
                }
                List<Geometry> parts = new ArrayList<>();
                in.expect(Kind.LPAREN, "'(' after GEOMETRYCOLLECTION");
                do {
                    Token part = in.peek();
                    String k = part.keyword();
                    if (k == null || !TAGS.contains(k) || k.equals("BBOX") || k.equals("ENVELOPE")) {
                        throw in.expected("a geometry (POINT, LINESTRING, POLYGON, MULTI…)");
                    }
                    in.next();
                    parts.add(tagged(part, order, false));
                } while (in.accept(Kind.COMMA));
                in.expect(Kind.RPAREN, "',' or ')'");
                yield GF.createGeometryCollection(parts.toArray(new Geometry[0]));
            }
            default -> throw new FilterParseException("unexpected " + kind, tag.start());
        };
    }

    private Envelope box(Token tag, AxisOrder order) {
        in.expect(Kind.LPAREN, "'(' after " + tag.keyword());
        List<Double> v = new ArrayList<>(6);
        do {
            if (v.size() == 6) {
                throw in.expected("')': a box has 4 or 6 numbers");
            }
            v.add(in.number("a number"));
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN, "',' or ')'");
        if (v.size() != 4 && v.size() != 6) {
            throw new FilterParseException(tag.keyword() + " needs 4 numbers (west, south, east, north) or 6 "
                    + "(west, south, min z, east, north, max z), got " + v.size(), tag.start());
        }
        boolean six = v.size() == 6;
        Envelope e = CrsRegistry.envelope(v.get(0), v.get(1), v.get(six ? 3 : 2), v.get(six ? 4 : 3), order);
        double[] written = {v.get(0), v.get(1), v.get(six ? 3 : 2), v.get(six ? 4 : 3)};
        boolean eastOk = order == AxisOrder.NORTH_EAST ? written[1] <= written[3] : written[0] <= written[2];
        boolean northOk = order == AxisOrder.NORTH_EAST ? written[0] <= written[2] : written[1] <= written[3];
        if (!eastOk || !northOk) {
            String expectedOrder = order == AxisOrder.NORTH_EAST
                    ? "(south, west, north, east) in this latitude-first CRS"
                    : "(west, south, east, north)";
            String ecql = tag.keyword().equals("ENVELOPE")
                    ? "; GeoServer's ECQL order ENVELOPE(minx, maxx, maxy, miny) is not accepted, use BBOX" : "";
            throw new FilterParseException(tag.keyword() + " corners are out of order: expected "
                    + expectedOrder + " with the first corner south-west of the second (boxes across the "
                    + "antimeridian are not supported)" + ecql, tag.start());
        }
        return e;
    }

    private Coordinate coordinate(AxisOrder order, boolean z) {
        double a = in.number("a coordinate");
        double b = in.number("a second coordinate");
        if (z || in.at(Kind.NUMBER) || in.at(Kind.MINUS) || in.at(Kind.PLUS)) {
            in.number("a z coordinate");       // read and dropped: filters are two-dimensional
        }
        return CrsRegistry.coordinate(a, b, order);
    }

    private Coordinate[] coordinates(AxisOrder order, boolean z) {
        in.expect(Kind.LPAREN, "'('");
        List<Coordinate> cs = new ArrayList<>();
        do {
            cs.add(coordinate(order, z));
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN, "',' or ')'");
        return cs.toArray(new Coordinate[0]);
    }

    private LineString lineString(AxisOrder order, boolean z) {
        int pos = in.peek().start();
        Coordinate[] cs = coordinates(order, z);
        if (cs.length < 2) {
            throw new FilterParseException("a line needs at least 2 points", pos);
        }
        return GF.createLineString(cs);
    }

    private Polygon polygon(AxisOrder order, boolean z) {
        in.expect(Kind.LPAREN, "'(' before the polygon's rings");
        List<LinearRing> rings = new ArrayList<>();
        do {
            int pos = in.peek().start();
            Coordinate[] cs = coordinates(order, z);
            if (cs.length < 4) {
                throw new FilterParseException("a polygon ring needs at least 4 points", pos);
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                throw new FilterParseException("a polygon ring must be closed (its last point equal to its first)",
                        pos);
            }
            rings.add(GF.createLinearRing(cs));
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN, "',' or ')'");
        return GF.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0]));
    }

    private Geometry multiPoint(AxisOrder order, boolean z) {
        in.expect(Kind.LPAREN, "'(' after MULTIPOINT");
        List<Point> points = new ArrayList<>();
        do {
            if (in.accept(Kind.LPAREN)) {      // MULTIPOINT((1 2),(3 4)) as in CQL2, or MULTIPOINT(1 2, 3 4)
                points.add(GF.createPoint(coordinate(order, z)));
                in.expect(Kind.RPAREN, "')'");
            } else {
                points.add(GF.createPoint(coordinate(order, z)));
            }
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN, "',' or ')'");
        return GF.createMultiPoint(points.toArray(new Point[0]));
    }

    /** Rejects invalid polygons: spatial operators give no meaningful answer for them. */
    private static void check(Geometry g, Token tag) {
        if (g.getDimension() < 2) {
            return;
        }
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            Coordinate c = err.getCoordinate();
            String at = c == null ? "" : " near (" + c.x + " " + c.y + ")";
            throw new FilterParseException(tag.keyword() + " literal is not a valid geometry: "
                    + err.getMessage() + at, tag.start());
        }
    }
}
