/**
 * The process engine both WPS 1.0.0 and OGC API Processes use: a protocol-neutral {@link
 * org.gengdi.server.jobs.ExecuteRequest}, input decoding and checking against a process's description, output
 * encoding, synchronous execution with a concurrency bound, and durable asynchronous jobs in the active store's
 * database ({@link org.gengdi.core.task.JobRepository}), run by a bounded worker pool that claims them from the
 * table, so jobs survive restarts and every instance on one PostGIS sees every job.
 */
package org.gengdi.server.jobs;
