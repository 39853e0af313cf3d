package org.gengdi.server.wms;

import java.util.Locale;

/** The image formats of GetMap, by the names clients send. */
enum WmsImages {
    PNG("image/png"),
    PNG8("image/png; mode=8bit"),
    JPEG("image/jpeg");

    private final String mime;

    WmsImages(String mime) {
        this.mime = mime;
    }

    String mime() {
        return mime;
    }

    /** The format a FORMAT value means, or null. */
    static WmsImages of(String format) {
        if (format == null) {
            return null;
        }
        String f = format.replace(" ", "").toLowerCase(Locale.ROOT);
        return switch (f) {
            case "image/png", "png", "image/png;mode=24bit", "image/png;mode=32bit" -> PNG;
            case "image/png8", "png8", "image/png;mode=8bit" -> PNG8;
            case "image/jpeg", "jpeg", "jpg", "image/jpg" -> JPEG;
            default -> null;
        };
    }
}
