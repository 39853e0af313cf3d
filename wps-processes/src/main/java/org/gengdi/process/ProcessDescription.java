package org.gengdi.process;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a process is, declared once and served by WPS 1.0.0 DescribeProcess and OGC API Processes alike.
 *
 * @param id        the identifier, e.g. {@code gengdi:Area}
 * @param version   the process version
 * @param title     its title
 * @param abstract_ what it does
 * @param keywords  keywords for catalogues
 * @param inputs    its inputs, in order
 * @param outputs   its outputs, in order
 * @param timeLimit how long one execution may run before it is cancelled
 */
public record ProcessDescription(String id, String version, Text title, Text abstract_, List<String> keywords,
                                 List<InputDescription> inputs, List<OutputDescription> outputs, Duration timeLimit) {
    public ProcessDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        keywords = List.copyOf(keywords);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (!id.matches("[A-Za-z][A-Za-z0-9_.:-]{0,99}")) {
            throw new IllegalArgumentException("bad process id " + id);
        }
    }

    public Optional<InputDescription> input(String inputId) {
        return inputs.stream().filter(i -> i.id().equals(inputId)).findFirst();
    }

    public Optional<OutputDescription> output(String outputId) {
        return outputs.stream().filter(o -> o.id().equals(outputId)).findFirst();
    }
}
