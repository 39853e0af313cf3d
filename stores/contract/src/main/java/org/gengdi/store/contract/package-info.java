/**
 * The store contract suite: {@link org.gengdi.store.contract.FeatureStoreContract} is the abstract JUnit 5 class every
 * store's test extends. It writes {@link org.gengdi.store.contract.ParcelFixture} (2 000 DLTB-like parcels) and checks
 * each answer of the store against {@link org.gengdi.store.contract.Oracle}, the in-memory filter evaluator over the
 * same features. Filter cases are data ({@link org.gengdi.store.contract.FilterCases}): adding one is one line.
 */
package org.gengdi.store.contract;
