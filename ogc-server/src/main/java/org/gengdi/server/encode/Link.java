package org.gengdi.server.encode;

import java.util.Objects;

/**
 * A web link written into a document (GeoJSON {@code links}, as OGC API Features wants them).
 *
 * @param href  absolute URL
 * @param rel   relation, e.g. {@code self}, {@code alternate}, {@code collection}
 * @param type  media type of the target
 * @param title human-readable title, or null
 */
public record Link(String href, String rel, String type, String title) {
    public Link {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(rel, "rel");
    }
}
