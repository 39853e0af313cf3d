/**
 * 集中连片度评价: patches of farmland parcels joined across gaps of at most dBridge, their classes and the region's
 * indicators and FCI, exactly as FARMLAND-RULES.md §C.3 defines them.
 */
package org.gengdi.process.contiguity;
