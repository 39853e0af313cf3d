/**
 * Geometry codecs shared by the stores: a fast reader of plain 2D WKB.
 */
package org.gengdi.core.geom;
