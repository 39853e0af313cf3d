/**
 * The store SPI: a {@link org.gengdi.core.store.FeatureStore} lists {@link org.gengdi.core.store.FeatureSource}s,
 * each answering schema, bounds, count and streaming queries, and writes layers transactionally through a
 * {@link org.gengdi.core.store.LayerWriter}. Back ends live in the {@code stores} modules and share one contract
 * test suite.
 */
package org.gengdi.core.store;
