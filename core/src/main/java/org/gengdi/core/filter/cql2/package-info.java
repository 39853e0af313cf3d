/**
 * CQL2 text (OGC 21-065) and GeoServer ECQL into Gengdi's one {@link org.gengdi.core.filter.Filter} AST.
 *
 * <p>{@link org.gengdi.core.filter.cql2.Cql2Text#parse} is the entry point. Inside, a lazy lexer
 * ({@code Cql2Lexer}) feeds a hand-written recursive-descent parser ({@code Cql2Parser}) through a small look-ahead
 * cursor; geometry literals are read by {@code GeometryLiteralReader} (and transformed into the layer's CRS as soon
 * as they are read), dates, timestamps and intervals by {@code TemporalLiteralReader}, and {@code DistanceUnit}
 * turns DWITHIN/BEYOND distances into layer units. The parser checks each property name against the layer schema the moment it
 * reads it, counts nesting on the way down (so no input can exhaust the stack) and reports every problem as a
 * {@link org.gengdi.core.filter.FilterParseException} with the character position, or an
 * {@link org.gengdi.core.filter.InvalidFilterException} naming the property.
 */
package org.gengdi.core.filter.cql2;
