/**
 * Reading GML geometries (GML 3.2, 3.1.1 and 2) from a StAX reader into JTS geometries in Gengdi's internal
 * x = east, y = north order. {@link org.gengdi.core.gml.GmlGeometryReader} reads one geometry element — a filter
 * literal, a WPS input, a WFS-T insert — and {@link org.gengdi.core.gml.GmlGeometry} carries it with the CRS it was
 * written in, ready to be transformed into a layer's CRS. Axis order is taken from the {@code srsName} form through
 * the CRS registry ({@code urn:ogc:def:crs:EPSG::4490} lists latitude first, {@code EPSG:4490} longitude first),
 * never guessed from the numbers. Readers should get their XML from {@link org.gengdi.core.xml.SafeXml}.
 */
package org.gengdi.core.gml;
