/**
 * The rule catalogue of FARMLAND-RULES.md §A ({@link org.gengdi.core.rules.RuleCatalogue}) and the findings the
 * analyses report against it: every finding cites a rule id, its severity and source, and a verdict.
 */
package org.gengdi.core.rules;
