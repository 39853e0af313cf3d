/**
 * OGC Filter Encoding in XML: {@link org.gengdi.core.filter.fes.FesFilterParser} reads FES 2.0 (WFS 2.0) and
 * Filter Encoding 1.1 / 1.0 (WFS 1.1 / 1.0) {@code <Filter>} documents into Gengdi's one filter AST,
 * {@link org.gengdi.core.filter.Filter}. The parser reads XML only through {@link org.gengdi.core.xml.SafeXml},
 * geometry literals only through {@link org.gengdi.core.gml.GmlGeometryReader} (so axis order follows the CRS
 * registry), and property references only as names looked up in the layer schema — never as XPath or expressions
 * to evaluate, the door GeoServer's CVE-2024-36401 came through. The result has already passed
 * {@link org.gengdi.core.filter.FilterValidator}: names in schema spelling, literals coerced, geometries in the
 * layer's CRS.
 */
package org.gengdi.core.filter.fes;
