/**
 * Maps: the style model ({@link org.gengdi.server.render.Style}, rules, symbolizers) that SLD files and the shipped
 * defaults are read into ({@code render.sld}), the Java2D {@link org.gengdi.server.render.MapRenderer} (reads only
 * what intersects the view through the store index; labels with CJK fonts and collision handling; limits), the
 * {@link org.gengdi.server.render.LegendRenderer} and the PNG / PNG8 / JPEG {@link org.gengdi.server.render.ImageEncoders}.
 */
package org.gengdi.server.render;
