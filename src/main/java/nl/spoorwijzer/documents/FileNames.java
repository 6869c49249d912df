package nl.spoorwijzer.documents;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a client's file name safe to store, show and offer as a download or ZIP entry: the last path segment only,
 * no control or invisible formatting characters (a right-to-left override can disguise "rapport‮fdp.exe"), none of
 * the characters Windows refuses, no leading or trailing dots or spaces, no device names, at most
 * {@value #MAX_LENGTH} characters with the extension kept.
 */
final class FileNames {

    static final int MAX_LENGTH = 120;
    static final String FALLBACK = "document";
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private FileNames() {
    }

    static String sanitise(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                return;
            }
            if ("<>:\"|?*".indexOf(c) >= 0) {
                safe.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                safe.append(' ');
            } else {
                safe.appendCodePoint(c);
            }
        });
        name = safe.toString().replaceAll(" {2,}", " ").replaceAll("^[ .]+|[ .]+$", "");
        String extension = extension(name);
        String base = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        if (DEVICES.contains(base.toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return shorten(name);
    }

    /** The extension in lower case without the dot, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name with the given extension: its own when it has one, the type's when it has none. */
    static String withExtension(String name, String extension) {
        return extension(name).isEmpty() ? shorten(name + "." + extension) : name;
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String extension = extension(name).length() > 10 ? "" : extension(name);
        int keep = MAX_LENGTH - (extension.isEmpty() ? 0 : extension.length() + 1);
        String base = name.substring(0, name.offsetByCodePoints(0, keep)).stripTrailing();
        return extension.isEmpty() ? base : base + "." + extension;
    }
}
