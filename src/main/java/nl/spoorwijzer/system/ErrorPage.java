package nl.spoorwijzer.system;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a person sees in the browser when a request fails outside the webapps' own screens (a page he may not
 * open, a link that leads nowhere, a server fault): Dutch, plain, a way back, and nothing about the platform's
 * inside (at most the correlation id of a server fault, which the log carries with the stack trace).
 */
final class ErrorPage {

    static final String START_PAGE = "/camunda/app/welcome/default/";

    private ErrorPage() {
    }

    static ResponseEntity<Object> response(Problem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(SecurityHeadersFilter.CSP, SecurityHeadersFilter.CSP_HTML_REPORT)
                .body(of(problem));
    }

    static String of(Problem problem) {
        String title = DutchProblems.titleOf(problem.status());
        String explanation = switch (problem.status()) {
            case 401 -> "U bent niet ingelogd. Log in via de startpagina en probeer het opnieuw.";
            case 403 -> "U hebt geen toegang tot deze pagina met het account waarmee u bent ingelogd. Hoort u hier"
                    + " wel toegang te hebben? Vraag het dan aan de beheerder van Spoorwijzer.";
            case 404 -> "Deze pagina bestaat niet, of u mag haar niet zien. Controleer het adres of ga terug naar"
                    + " de startpagina.";
            default -> DutchProblems.of(problem).detail();
        };
        return page(title, explanation, START_PAGE, "Naar de startpagina");
    }

    /** The page with its own explanation and a link onward (both plain text, escaped here). */
    static String page(String title, String explanation, String link, String linkText) {
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s – Spoorwijzer</title>
                <style>
                  body { font-family: sans-serif; margin: 0; background: #f4f4f4; color: #222; }
                  main { max-width: 40em; margin: 4em auto; padding: 2em; background: #fff; border-top: 4px solid #1f5f8b; }
                  h1 { font-size: 1.6em; margin-top: 0; }
                  a { color: #1f5f8b; }
                </style>
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                <p>%2$s</p>
                <p><a href="%3$s">%4$s</a></p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(explanation), HtmlUtils.htmlEscape(link),
                        HtmlUtils.htmlEscape(linkText));
    }
}
