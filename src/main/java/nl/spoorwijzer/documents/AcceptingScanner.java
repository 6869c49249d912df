package nl.spoorwijzer.documents;

/**
 * The default {@link DocumentScanner}: accepts every document. Only the type check protects the platform then (no
 * scripts, no executables, no HTML or SVG; downloads are attachments with {@code nosniff}); an installation that
 * receives documents from outside its own organisation declares a real scanner bean.
 */
final class AcceptingScanner implements DocumentScanner {

    @Override
    public Verdict scan(String fileName, String contentType, byte[] content) {
        return Verdict.accepted();
    }
}
