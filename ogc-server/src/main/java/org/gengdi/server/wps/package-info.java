/**
 * WPS 1.0.0 over the process engine: GetCapabilities, DescribeProcess and Execute by KVP and XML POST; response
 * documents and raw outputs, lineage, outputs stored and served by reference, asynchronous execution with a status
 * location. The process objects and jobs are the ones OGC API - Processes serves.
 */
package org.gengdi.server.wps;
