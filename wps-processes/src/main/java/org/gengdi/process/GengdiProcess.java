package org.gengdi.process;

/**
 * A process: mostly its {@link #description()}; {@link #execute} gets checked inputs and returns outputs. The engine
 * owns synchronous and asynchronous execution, limits, persistence and encoding.
 */
public interface GengdiProcess {

    ProcessDescription description();

    /**
     * Runs the process.
     *
     * @throws ProcessException when it cannot produce outputs
     */
    ProcessOutputs execute(ProcessInputs inputs, ProcessContext context);
}
