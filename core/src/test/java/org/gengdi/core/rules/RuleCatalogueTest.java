package org.gengdi.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    @Test
    void holdsTheRuleIndex() {
        RuleCatalogue c = RuleCatalogue.get();
        assertThat(c.all()).hasSize(64);
        Rule qty = c.rule("R-BAL-QTY");
        assertThat(qty.severities()).containsExactly(Severity.HARD);
        assertThat(qty.source()).contains("M2025 Art.13");
        assertThat(qty.original()).isEqualTo("数量不减");
        assertThat(c.rule("R-SCOPE-UDB").severities()).containsExactly(Severity.HARD, Severity.WARN,
                Severity.HUMAN);
        assertThatThrownBy(() -> c.rule("R-NOPE")).isInstanceOf(IllegalArgumentException.class);
    }
}
