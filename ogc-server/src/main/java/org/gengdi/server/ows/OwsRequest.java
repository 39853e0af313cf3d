package org.gengdi.server.ows;

/**
 * A KVP request as a service sees it.
 *
 * @param kvp        the parameters, keys case-insensitive
 * @param serviceUrl the URL the request was sent to, without the query ({@code http://host:8080/ows}): the base of
 *                   the DCP URLs in capabilities and of paging links
 */
public record OwsRequest(KvpRequest kvp, String serviceUrl) {
}
