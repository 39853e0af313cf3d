package org.gengdi.server.render;

import java.util.Locale;
import java.util.Optional;

/** The image formats maps and legends are encoded in, by the MIME types WMS clients send. */
public enum ImageFormat {
    /** PNG, 24-bit RGB or 32-bit RGBA as the image has alpha. */
    PNG("image/png"),
    /** PNG with a palette of at most 256 colours (fully transparent pixels keep one transparent entry). */
    PNG8("image/png; mode=8bit"),
    /** JPEG; transparency is composited onto the background colour. */
    JPEG("image/jpeg");

    private final String mime;

    ImageFormat(String mime) {
        this.mime = mime;
    }

    /** The FORMAT name, e.g. {@code image/png; mode=8bit}. */
    public String mime() {
        return mime;
    }

    /** The HTTP Content-Type of the encoded bytes ({@code image/png} for both PNG kinds). */
    public String contentType() {
        return this == JPEG ? "image/jpeg" : "image/png";
    }

    /**
     * The format a FORMAT value names: {@code image/png} (also {@code mode=24bit} / {@code mode=32bit}),
     * {@code image/png; mode=8bit} or {@code image/png8}, {@code image/jpeg}; spaces and case are ignored.
     */
    public static Optional<ImageFormat> forMime(String format) {
        if (format == null) {
            return Optional.empty();
        }
        String f = format.replace(" ", "").toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (f) {
            case "image/png", "png", "image/png;mode=24bit", "image/png;mode=32bit" -> PNG;
            case "image/png8", "png8", "image/png;mode=8bit", "image/png;mode=8-bit" -> PNG8;
            case "image/jpeg", "jpeg", "jpg", "image/jpg" -> JPEG;
            default -> null;
        });
    }
}
