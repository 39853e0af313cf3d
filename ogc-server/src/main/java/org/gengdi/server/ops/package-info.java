/**
 * Keeping the server up: per-service concurrency limits (heavy GetMap or WPS load cannot starve the rest),
 * request metrics in the Prometheus format ({@code /metrics}), and a structured access log.
 */
package org.gengdi.server.ops;
