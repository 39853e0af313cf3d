/**
 * 调整补划方案校验: the balance table and check list 1–10 of FARMLAND-RULES.md §D.2 for a plan that removes red-line
 * parcels and adds others, with the rule subsets of §D.3 per plan type.
 */
package org.gengdi.process.plan;
