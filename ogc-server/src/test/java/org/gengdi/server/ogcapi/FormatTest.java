package org.gengdi.server.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON unless the client clearly prefers HTML, as browsers do. */
class FormatTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8 | HTML",
        "text/html | HTML",
        "application/json | JSON",
        "application/geo+json, application/json | JSON",
        "application/vnd.oai.openapi+json;version=3.0, application/openapi+json;version=3.0, application/json | JSON",
        "*/* | JSON",
        "text/html;q=0.5, application/json | JSON",
        "application/json;q=0.5, text/html | HTML",
        "text/html;q=0.5, */* | JSON",
        "text/html;q=bogus | JSON",
        "' ' | JSON"})
    void acceptHeaderDecides(String accept, Format expected) {
        assertThat(Format.fromAccept(accept.isBlank() ? null : accept)).isEqualTo(expected);
    }
}
