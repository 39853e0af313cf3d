/**
 * 占用/避让分析: what a construction project's footprint occupies (current land use, cultivated land, the permanent
 * basic farmland red line, reserve, high-standard farmland, ecological red line, urban development boundary), the
 * rule verdicts, the 补划 requirement, and avoidance alternatives. {@link org.gengdi.process.occupation.OccupationOp}
 * is the analysis; {@link org.gengdi.process.occupation.OccupationAnalysisProcess} serves it over WPS and OGC API.
 */
package org.gengdi.process.occupation;
