package org.gengdi.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.layer.LayerCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureTypeCodecTest {

    private static List<AttributeDef> roundTrip(List<AttributeDef> attrs) {
        return FeatureTypeCodec.attributesFromJson(FeatureTypeCodec.attributesToJson(attrs));
    }

    private static String title(String title) {
        return FeatureTypeCodec.attributesFromJson(FeatureTypeCodec.attributesToJson(
                List.of(AttributeDef.of("A", AttributeType.STRING, title)))).get(0).title();
    }

    @Test
    void everyCatalogueLayerRoundTrips() {
        int codeLists = 0;
        int personal = 0;
        for (FeatureType t : LayerCatalogue.all(4490)) {
            String json = FeatureTypeCodec.attributesToJson(t.attributes());
            List<AttributeDef> back = FeatureTypeCodec.attributesFromJson(json);
            assertThat(back).as(t.name()).isEqualTo(t.attributes());
            assertThat(new FeatureType(t.name(), t.title(), t.geometryName(), t.geometryKind(), t.srid(), back))
                    .isEqualTo(t);
            for (int i = 0; i < back.size(); i++) {
                AttributeDef a = t.attributes().get(i);
                assertThat(json).contains("\"title\":\"" + a.title() + "\""); // Chinese as it is, not escaped
                if (a.codeList() != null) {
                    codeLists++;
                    // Map equality ignores order; the standard's order must survive too.
                    assertThat(new ArrayList<>(back.get(i).codeList().codes().entrySet()))
                            .isEqualTo(new ArrayList<>(a.codeList().codes().entrySet()));
                }
                personal += a.personal() ? 1 : 0;
            }
        }
        assertThat(codeLists).isGreaterThan(10);
        assertThat(personal).isEqualTo(5);
    }

    @Test
    void writesTheDocumentedShape() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("2", "坡地");
        codes.put("1", "平地");
        List<AttributeDef> attrs = List.of(
                AttributeDef.string("GDLX", 2, "耕地类型").withCodeList(new CodeList("GDLX", "耕地类型", codes)),
                AttributeDef.string("ZRRMC", 60, "责任人名称").asPersonal(),
                AttributeDef.of("MJ", AttributeType.DOUBLE, "面积"));
        assertThat(FeatureTypeCodec.attributesToJson(attrs)).isEqualTo("["
                + "{\"name\":\"GDLX\",\"type\":\"STRING\",\"length\":2,\"title\":\"耕地类型\",\"personal\":false,"
                + "\"codeList\":{\"id\":\"GDLX\",\"title\":\"耕地类型\",\"codes\":[[\"2\",\"坡地\"],[\"1\",\"平地\"]]}},"
                + "{\"name\":\"ZRRMC\",\"type\":\"STRING\",\"length\":60,\"title\":\"责任人名称\",\"personal\":true},"
                + "{\"name\":\"MJ\",\"type\":\"DOUBLE\",\"length\":0,\"title\":\"面积\",\"personal\":false}]");
        assertThat(FeatureTypeCodec.attributesToJson(List.of())).isEqualTo("[]");
        assertThat(FeatureTypeCodec.attributesFromJson("[]")).isEmpty();
    }

    @Test
    void everyTypeAndNullsInCodeListsRoundTrip() {
        List<AttributeDef> attrs = new ArrayList<>();
        for (AttributeType t : AttributeType.values()) {
            attrs.add(new AttributeDef("F_" + t.name(), t, t == AttributeType.STRING ? 254 : 0, "字段" + t, false,
                    null));
        }
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("1", null);
        codes.put(null, "无代码");
        codes.put("", "");
        attrs.add(AttributeDef.string("NULLS", 1, "空值").withCodeList(new CodeList(null, null, codes)));
        attrs.add(AttributeDef.string("EMPTY", 1, "空代码表").withCodeList(new CodeList("E", "空", Map.of())));
        attrs.add(new AttributeDef("NEG", AttributeType.STRING, -1, "", true, null));
        attrs.add(new AttributeDef("BIG", AttributeType.STRING, Integer.MAX_VALUE, "大", false, null));
        List<AttributeDef> back = roundTrip(attrs);
        assertThat(back).isEqualTo(attrs);
        assertThat(back.get(back.size() - 4).codeList().codes().keySet()).containsExactly("1", null, "");
    }

    @Test
    void controlCharactersAreEscaped() {
        StringBuilder all = new StringBuilder();
        for (char ch = 0; ch < 0x20; ch++) {
            all.append(ch);
        }
        String title = all + "\"引号\" \\反斜杠\\ /斜杠/ \u007f \u2028\u2029 ,:[]{} \\u0041";
        String json = FeatureTypeCodec.attributesToJson(List.of(AttributeDef.of("A", AttributeType.STRING, title)));
        assertThat(json.chars().filter(ch -> ch < 0x20)).isEmpty();
        assertThat(json).contains("\\u0000\\u0001", "\\u001f", "\\b\\t\\n\\u000b\\f\\r\\u000e",
                "\\\"引号\\\"", "\\\\反斜杠\\\\", "/斜杠/", "\\\\u0041");
        assertThat(title(title)).isEqualTo(title);
        assertThat(title("第一行\r\n第二行\t制表")).isEqualTo("第一行\r\n第二行\t制表");
    }

    @Test
    void supplementaryCharactersRoundTrip() {
        String village = "𡌶家村（一组）𠀀𪚥";
        String json = FeatureTypeCodec.attributesToJson(List.of(AttributeDef.of("A", AttributeType.STRING, village)));
        assertThat(json).contains(village); // written as it is (UTF-8 in the store)
        assertThat(title(village)).isEqualTo(village);
        // Escaped as a surrogate pair (lower or upper case hex), as other writers may store it.
        assertThat(readTitle("\\ud844\\udf36家村")).isEqualTo("𡌶家村");
        assertThat(readTitle("\\uD844\\uDF36")).isEqualTo("𡌶");
        assertThat(readTitle("\\u5730\\u7c7b\\u0041\\/")).isEqualTo("地类A/");
    }

    @Test
    void unpairedSurrogatesAreKeptAsTheyAre() {
        String odd = "a\ud844b\udf36c\udf36\ud844";
        String json = FeatureTypeCodec.attributesToJson(List.of(AttributeDef.of("A", AttributeType.STRING, odd)));
        assertThat(json).contains("\"" + odd + "\"");
        assertThat(title(odd)).isEqualTo(odd);
        assertThat(readTitle("\\ud844x\\udf36")).isEqualTo("\ud844x\udf36");
    }

    @Test
    void readsAnyMemberOrderAndWhitespace() {
        // As PostgreSQL prints jsonb: members reordered, spaces after ':' and ','.
        String jsonb = " [\n\t{\"name\": \"LB\", \"type\": \"STRING\", \"title\": \"类别\", \"length\": 3, "
                + "\"codeList\": {\"id\": \"ZH_LB\", \"codes\": [[\"011\", \"永久基本农田\"], [\"012\", \"一般耕地\"]], "
                + "\"title\": \"耕地类别（测试）\"}, \"personal\": false}, \r\n {\"name\": \"B\", \"type\": \"LONG\", "
                + "\"title\": \"乙\", \"length\": 0, \"personal\": true, \"codeList\": null} ] ";
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("011", "永久基本农田");
        codes.put("012", "一般耕地");
        assertThat(FeatureTypeCodec.attributesFromJson(jsonb)).containsExactly(
                AttributeDef.string("LB", 3, "类别").withCodeList(new CodeList("ZH_LB", "耕地类别（测试）", codes)),
                new AttributeDef("B", AttributeType.LONG, 0, "乙", true, null));
        assertThat(FeatureTypeCodec.attributesFromJson("[{\"name\":\"A\",\"type\":\"STRING\",\"length\":2.0E0,"
                + "\"title\":null,\"personal\":false}]").get(0)).isEqualTo(AttributeDef.string("A", 2, "A"));
    }

    private static String readTitle(String escapedTitle) {
        return FeatureTypeCodec.attributesFromJson("[{\"name\":\"A\",\"type\":\"STRING\",\"length\":0,\"title\":\""
                + escapedTitle + "\",\"personal\":false}]").get(0).title();
    }

    private static final String OK = "{\"name\":\"A\",\"type\":\"STRING\",\"length\":1,\"title\":\"甲\",\"personal\":false";

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "[", "]", "[}", "{}", "\"[]\"", "null", "[null]", "[1]", "[[]]", "[{]", "[{}]", "[] []", "[]x", "[],",
        "[" + OK + "},]", "[," + OK + "}]", "[" + OK + "}" + OK + "}]", "[" + OK + ",}]", "[" + OK + "]",
        "[" + OK + ",\"length\":2}]",                      // repeated member
        "[" + OK + ",\"extra\":1}]",                       // unknown member
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":1,\"title\":\"甲\"}]",  // missing member
        "[{\"name\":null,\"type\":\"STRING\",\"length\":1,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"地类\",\"type\":\"STRING\",\"length\":1,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"TEXT\",\"length\":1,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"string\",\"length\":1,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":1.5,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":\"1\",\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":2147483648,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":1e99999999999,\"title\":\"甲\",\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":1,\"title\":7,\"personal\":false}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":1,\"title\":\"甲\",\"personal\":\"false\"}]",
        "[{\"name\":\"A\",\"type\":\"STRING\",\"length\":1,\"title\":\"甲\",\"personal\":0}]",
        "[" + OK + ",\"codeList\":\"GDLX\"}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\"}}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\",\"codes\":{}}}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\",\"codes\":[[\"1\"]]}}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\",\"codes\":[[\"1\",\"a\",\"b\"]]}}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\",\"codes\":[[1,\"a\"]]}}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\",\"codes\":[[\"1\",\"a\"],[\"1\",\"b\"]]}}]",
        "[" + OK + ",\"codeList\":{\"id\":\"X\",\"title\":\"X\",\"codes\":[],\"order\":[]}}]",
        // malformed JSON values
        "[\"\n\"]", "[\"\t\"]", "[\"\u0000\"]", "[\"abc]", "[\"abc\\\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12G4\"]",
        "[\"\\u１２３４\"]", "[\"\\\"]", "['a']", "[01]", "[-]", "[1.]", "[.5]", "[+1]", "[1e]", "[1e+]", "[-01]",
        "[0x10]", "[NaN]", "[Infinity]", "[tru]", "[nul]", "[True]", "[{\"a\" 1}]", "[{a:1}]", "[{\"a\":}]",
        "[{\"a\":1,}]", "\ufeff[]", "[]\u0000", "[\u00a0]", "/* */[]"})
    void malformedInputIsRejected(String json) {
        assertThatThrownBy(() -> FeatureTypeCodec.attributesFromJson(json))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deepNestingIsRejectedWithoutOverflowingTheStack() {
        assertThatThrownBy(() -> FeatureTypeCodec.attributesFromJson("[".repeat(100_000) + "]".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested");
    }

    @Test
    void errorsSayWhereAndWhat() {
        assertThatThrownBy(() -> FeatureTypeCodec.attributesFromJson("[{\"name\":\"A\" \"type\"}]"))
                .hasMessage("malformed JSON at offset 13: expected ',' or '}' but found '\"'");
        assertThatThrownBy(() -> FeatureTypeCodec.attributesFromJson("[" + OK + ",\"titel\":\"x\"}]"))
                .hasMessage("attribute 0: unexpected member \"titel\"");
        assertThatThrownBy(() -> FeatureTypeCodec.attributesFromJson(
                "[" + OK.replace("\"STRING\"", "\"TEXT\"") + "}]")).hasMessage("attribute A: unknown type TEXT");
    }
}
