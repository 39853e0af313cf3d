package org.gengdi.process.occupation;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts a caller declares about a project (FARMLAND-RULES.md §A.15); the report echoes them as "declared, not
 * verified".
 *
 * @param name                 the project name
 * @param category             {@code project.category} (GENERAL, CENTRAL_MAJOR, …), or {@code null} if undeclared
 * @param use                  {@code project.use} (CONSTRUCTION, AFFORESTATION, …)
 * @param linear               a linear project
 * @param temporary            temporary land use
 * @param start                temporary use from, or {@code null}
 * @param end                  temporary use until, or {@code null}
 * @param permanentStructures  permanent structures on temporary land
 * @param feeRatePerM2         the provincial reclamation fee in 元/m², or {@code null}
 * @param qualityScale         {@code GDDJ_10} (default, §G.1) or {@code GDDB_15}
 * @param hsfRebuildCommitment the county's 补建 arrangement reference, or {@code null}
 * @param evidence             the evidence reference for the category, or {@code null}
 */
public record ProjectFacts(String name, String category, String use, boolean linear, boolean temporary,
                           LocalDate start, LocalDate end, boolean permanentStructures, Double feeRatePerM2,
                           String qualityScale, String hsfRebuildCommitment, String evidence) {

    /** The project categories of M2025 Art.18/20 that may occupy PBF with State Council approval. */
    public static final List<String> MAJOR = List.of("CENTRAL_MAJOR", "MILITARY", "HERITAGE", "NDRC_LIST",
            "STATE_PLAN_INFRA", "OTHER_LEGAL", "STATE_PLATFORM", "ECO_MAJOR", "RESETTLEMENT");
    public static final List<String> CATEGORIES;
    /** Uses prohibited on PBF (M2025 Art.6; N2019 (六), (九)). */
    public static final List<String> PROHIBITED_ON_PBF = List.of("GREEN_BELT", "LANDSCAPE_LAKE", "TURF", "WASTE",
            "LANDFILL", "AFFORESTATION");
    /** Uses that fall under 占补平衡 (O2024 (11)). */
    public static final List<String> SUPPLEMENT_USES = List.of("CONSTRUCTION", "AFFORESTATION", "ORCHARD", "TEA");
    public static final List<String> USES = List.of("CONSTRUCTION", "AFFORESTATION", "ORCHARD", "TEA", "GREEN_BELT",
            "LANDSCAPE_LAKE", "TURF", "WASTE", "LANDFILL", "MINING", "POINT_TOWERS", "TEMPORARY");

    static {
        java.util.List<String> c = new java.util.ArrayList<>();
        c.add("GENERAL");
        c.addAll(MAJOR);
        CATEGORIES = List.copyOf(c);
    }

    public ProjectFacts {
        if (use == null) {
            use = "CONSTRUCTION";
        }
        if (qualityScale == null) {
            qualityScale = "GDDJ_10";
        }
    }

    /** The grade field of the quality scale. */
    public String gradeField() {
        return qualityScale.equals("GDDB_15") ? "GDDB" : "GDDJ";
    }
}
