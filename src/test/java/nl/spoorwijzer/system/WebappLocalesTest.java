package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webapps' Dutch locale is complete: every key of the English locale that the Camunda webjar on the classpath
 * ships has a Dutch text of ours (so a Camunda upgrade that adds keys fails the build until they are translated with
 * src/main/locales/generate_nl.py), every placeholder survives the translation, and each app's config.js shows
 * Dutch to every browser.
 */
class WebappLocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*\\}\\}|\\{\\}");
    private static final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasADutchText(String app) throws IOException {
        JsonNode english = locale(app, "en").get("labels");
        JsonNode dutch = locale(app, "nl").get("labels");

        List<String> missing = new ArrayList<>();
        english.fieldNames().forEachRemaining(key -> {
            if (!dutch.has(key)) {
                missing.add(key);
            }
        });
        assertThat(missing).as("keys of the webjar's %s en.json without Dutch text", app).isEmpty();
        assertThat(english.size()).as("the webjar's en.json was found and read").isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void translationsKeepTheirPlaceholders(String app) throws IOException {
        JsonNode english = locale(app, "en").get("labels");
        JsonNode dutch = locale(app, "nl").get("labels");

        Map<String, String> changed = new TreeMap<>();
        english.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            List<String> expected = placeholders(entry.getValue().asText());
            if (dutch.has(key) && !key.equals("BANNER_CE_EOL_TEXT")
                    && !expected.equals(placeholders(dutch.get(key).asText()))) {
                changed.put(key, dutch.get(key).asText());
            }
        });
        assertThat(changed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void dutchForEveryBrowserAndNoCamunda8Banner(String app) throws IOException {
        String config = resource(APP + app + "/scripts/config.js");
        assertThat(config.replaceAll("\\s", "")).contains("availableLocales:['nl']", "fallbackLocale:'nl'");
        assertThat(locale(app, "nl").get("labels").get("BANNER_CE_EOL_TEXT").asText()).isEmpty();
        assertThat(resource(APP + app + "/styles/user-styles.css")).contains(".ce-eol-banner { display: none; }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesInListsReadDayMonthYear(String app) throws IOException {
        JsonNode dates = locale(app, "nl").get("dateLocales");
        assertThat(dates.get("longDateFormat").get("L").asText()).isEqualTo("DD-MM-YYYY");
        assertThat(dates.get("months").get(2).asText()).isEqualTo("maart");
        assertThat(resource(APP + app + "/scripts/config.js")).contains("normal: 'DD-MM-YYYY HH:mm'");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) == null ? "{}" : matcher.group(1));
        }
        found.sort(null);
        return found;
    }

    private static JsonNode locale(String app, String language) throws IOException {
        return json.readTree(resource(APP + app + "/locales/" + language + ".json"));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }
}
