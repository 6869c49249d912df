package nl.spoorwijzer.system;

import java.util.regex.Pattern;

/**
 * Text that may go into an error body: an engine or framework message without engine codes, Java type names, stack
 * frames or SQL, and short. A message that still reveals internals after cleaning is replaced by the caller's fallback.
 */
final class SafeText {

    static final int MAX_LENGTH = 300;

    private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d+\\s*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][\\w$]*)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b\\w*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|org\\.camunda|java\\.|javax\\.|jakarta\\.|com\\.fasterxml|springframework|\\bat [a-z]+\\."
                    + "|\\bSQL|\\bH2\\b|jdbc|mybatis|ibatis|select |insert |update .* set |delete from|\\bACT_[A-Z]{2}_"
                    + "|\\b[A-Z][A-Z0-9]*_(?![\\w])");

    private SafeText() {
    }

    /** The cleaned message, or {@code fallback} when nothing safe and useful remains. */
    static String of(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String text = ENGINE_CODE.matcher(message).replaceAll("");
        text = QUALIFIED_NAME.matcher(text).replaceAll("$1");
        text = EXCEPTION_NAME.matcher(text).replaceAll("");
        text = text.replaceAll("\\s+", " ").strip();
        if (text.isEmpty() || INTERNALS.matcher(text).find()) {
            return fallback;
        }
        return shorten(text);
    }

    /** Own text (a rule written by the platform) only shortened, so an echoed input cannot fill the body. */
    static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
