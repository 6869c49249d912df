package nl.spoorwijzer.documents;

/**
 * The virus-scan hook: every document is handed to the scanner before it is stored, after its size and type were
 * checked, outside any database transaction (a scan may take seconds). A refusal stores nothing and is answered 422
 * ("bestand geweigerd door virusscan"); a scanner that fails (unreachable) should throw, so nothing unscanned is
 * stored.
 *
 * <p>The platform ships {@link AcceptingScanner}, which accepts everything. To scan, declare another bean of this
 * type, e.g. one that streams the bytes to ClamAV's {@code clamd} with its {@code INSTREAM} command over TCP and
 * refuses on a {@code FOUND} reply; the default steps aside by itself.
 */
@FunctionalInterface
public interface DocumentScanner {

    /**
     * @param fileName    the sanitised file name
     * @param contentType the type the content was recognised as
     * @param content     the bytes as uploaded
     * @return the verdict: clean, or refused with a reason (a signature name) for the log and the caller
     */
    Verdict scan(String fileName, String contentType, byte[] content);

    record Verdict(boolean clean, String reason) {

        public static Verdict accepted() {
            return new Verdict(true, null);
        }

        public static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }
}
