package org.gengdi.server.wms;

import java.time.Duration;

/**
 * What one WMS request may ask for; each limit exceeded is a clean exception, never a server under strain.
 *
 * @param maxWidth        largest WIDTH in pixels
 * @param maxHeight       largest HEIGHT in pixels
 * @param maxLayers       most layers in one GetMap
 * @param maxFeatures     most features drawn for one GetMap
 * @param maxRenderTime   longest time spent drawing one map
 * @param maxFeatureCount largest FEATURE_COUNT of GetFeatureInfo
 */
record WmsLimits(int maxWidth, int maxHeight, int maxLayers, long maxFeatures, Duration maxRenderTime,
                 int maxFeatureCount) {

    static WmsLimits defaults() {
        return new WmsLimits(4096, 4096, 20, 300_000, Duration.ofSeconds(60), 50);
    }
}
