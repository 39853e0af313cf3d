/**
 * Styled Layer Descriptor input: {@link org.gengdi.server.render.sld.SldReader} reads SLD 1.0 / SE 1.1 documents
 * (hardened XML, filters checked against a layer's public schema) into the one style model of
 * {@code org.gengdi.server.render}; {@link org.gengdi.server.render.sld.DefaultStyles} gives each layer its shipped
 * default style ({@code data/src/main/resources/styles/LAYER.sld}). Every problem with a document is an
 * {@link org.gengdi.server.render.sld.SldException}.
 */
package org.gengdi.server.render.sld;
