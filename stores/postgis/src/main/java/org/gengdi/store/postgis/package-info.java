/**
 * The PostGIS store: {@link org.gengdi.store.postgis.PostGisStore} opened with a
 * {@link org.gengdi.store.postgis.PostGisConfig}. Layers are tables of one schema plus a row in
 * {@code gengdi_layer}; queries become one parameterised statement ({@code SqlTranslator}) streamed through a
 * server-side cursor ({@code PostGisCursor}); writes are COPY into a staging table swapped in at commit
 * ({@code PostGisLayerWriter}); failures map to {@link org.gengdi.core.store.StoreException} kinds once
 * ({@code PostGisErrors}).
 */
package org.gengdi.store.postgis;
