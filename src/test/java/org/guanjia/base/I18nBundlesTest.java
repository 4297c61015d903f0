package org.guanjia.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guanjia.base.i18n.Messages;
import org.guanjia.estate.Unit;
import org.guanjia.estate.UnitStatus;
import org.guanjia.staff.Staff;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Every language has every key, every key the code asks for exists, views hold no literal text. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class I18nBundlesTest {

    private static final Path MAIN = Path.of("src/main/java");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void every_bundle_has_the_same_keys() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        for (String other : List.of("messages_zh_CN.properties", "messages_zh_TW.properties")) {
            assertThat(new TreeSet<>(load(other).stringPropertyNames())).as(other)
                    .containsExactlyElementsOf(english);
        }
    }

    @Test
    void no_translation_is_empty_and_chinese_bundles_are_translated() throws IOException {
        Properties en = load("messages.properties");
        for (String name : List.of("messages.properties", "messages_zh_CN.properties",
                "messages_zh_TW.properties")) {
            Properties p = load(name);
            assertThat(p.stringPropertyNames()).as(name).allSatisfy(k ->
                    assertThat(p.getProperty(k)).as(name + " " + k).isNotBlank());
        }
        Properties cn = load("messages_zh_CN.properties");
        long same = en.stringPropertyNames().stream()
                .filter(k -> en.getProperty(k).equals(cn.getProperty(k)) && en.getProperty(k).matches(".*[A-Za-z]{3,}.*"))
                .count();
        assertThat(same).as("English texts copied into the Chinese bundle").isLessThan(3);
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        Properties en = load("messages.properties");
        Set<String> used = new TreeSet<>();
        // any string literal that looks like a key of a known family ("field.code", "nav.units")
        Set<String> families = new TreeSet<>();
        en.stringPropertyNames().forEach(k -> families.add(k.substring(0, k.indexOf('.'))));
        Pattern literal = Pattern.compile("\"([a-z][A-Za-z]*)\\.([A-Za-z][A-Za-z.]*[A-Za-z])\"");
        for (Path file : javaFiles()) {
            Matcher m = literal.matcher(Files.readString(file));
            while (m.find()) {
                if (families.contains(m.group(1))) {
                    used.add(m.group(1) + "." + m.group(2));
                }
            }
        }
        for (String s : UnitStatus.STATUSES) {
            used.add("status." + s);
        }
        for (String s : Unit.TYPES) {
            used.add("unitType." + s);
        }
        for (String s : Staff.ROLES) {
            used.add("staffRole." + s);
        }
        for (Role r : Role.values()) {
            used.add("role." + r.name());
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(used).allSatisfy(k -> assertThat(en.containsKey(k)).as("missing key " + k).isTrue());
    }

    @Test
    void views_hold_no_hard_coded_user_text() throws IOException {
        Pattern text = Pattern.compile("(?:new (?:Span|H1|H2|H3|Paragraph|Button|Checkbox|TextField)"
                + "|setText|setHeader|setLabel|setPlaceholder|setHeaderTitle|show)\\(\"([^\"]*[A-Za-z\\u4e00-\\u9fff][^\"]*)\"");
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!file.toString().contains("/ui/") && !file.toString().contains("/security/")) {
                continue;
            }
            Matcher m = text.matcher(Files.readString(file));
            while (m.find()) {
                found.add(file.getFileName() + ": " + m.group(1));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void chinese_variants_of_the_browser_map_to_simplified_or_traditional() {
        assertThat(Messages.supported(java.util.Locale.forLanguageTag("zh-HK"))).isEqualTo(Messages.TRADITIONAL);
        assertThat(Messages.supported(java.util.Locale.forLanguageTag("zh-Hant"))).isEqualTo(Messages.TRADITIONAL);
        assertThat(Messages.supported(java.util.Locale.forLanguageTag("zh"))).isEqualTo(Messages.SIMPLIFIED);
        assertThat(Messages.supported(java.util.Locale.forLanguageTag("de-DE"))).isEqualTo(Messages.ENGLISH);
        assertThat(new Messages().getTranslation("nav.units", Messages.TRADITIONAL)).isEqualTo("房屋");
        assertThat(new Messages().getTranslation("common.search", Messages.TRADITIONAL)).isEqualTo("搜尋");
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
