/**
 * The process SPI: a process is one class with a declarative {@link org.gengdi.process.ProcessDescription} (id,
 * titles in English and Chinese, typed inputs and outputs) and an {@code execute} that reads layers through the store
 * SPI, reports progress and honours cancellation. The engine in the server owns synchronous and asynchronous
 * execution, limits and persistence; WPS 1.0.0 and OGC API Processes both serve the same process objects.
 */
package org.gengdi.process;
