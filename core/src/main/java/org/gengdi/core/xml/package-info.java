/**
 * Hardened XML input: {@link org.gengdi.core.xml.SafeXml} is the one way Gengdi reads XML from outside (WFS and WPS
 * POST bodies, FES filters, SLD, GML). Requests are hostile until proven otherwise, so the reader refuses any
 * document type declaration (which closes XXE — external entities reading {@code file:///etc/passwd} or reaching
 * into the intranet — and entity-expansion bombs in one stroke), never resolves anything external, and bounds the
 * input size, element depth, attribute count and text length so a request cannot exhaust memory or stack.
 * Everything it refuses arrives as one unchecked {@link org.gengdi.core.xml.XmlInputException}.
 */
package org.gengdi.core.xml;
