package org.gengdi.server.wps;

import org.gengdi.server.jobs.ExecuteRequest;

/**
 * A parsed WPS 1.0.0 Execute: the engine's request and the response form.
 *
 * @param request   the execution (its options carry lineage and the form, so a stored job can be answered later)
 * @param rawOutput the output of a RawDataOutput form, or null for a response document
 * @param rawMime   its mimeType, or null
 * @param store     storeExecuteResponse: answer at once with a status location, run as a job
 * @param status    status updates asked for
 * @param lineage   echo the inputs and output definitions
 */
record WpsExecute(ExecuteRequest request, String rawOutput, String rawMime, boolean store, boolean status,
                  boolean lineage) {
    static final String LINEAGE = "wps.lineage";
    static final String STATUS = "wps.status";
}
