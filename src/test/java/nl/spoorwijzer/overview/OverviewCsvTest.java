package nl.spoorwijzer.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class OverviewCsvTest {

    record Row(String name, Long cases, boolean suppressed, LocalDate since, Double days) {
    }

    @Test
    void aTableForDutchExcelWithBomSemicolonsAndDutchHeaders() {
        List<Row> rows = List.of(new Row("Spoor 1", 12L, false, LocalDate.of(2026, 11, 3), 131.5),
                new Row("Spoor 2", null, true, null, null));
        ResponseEntity<byte[]> download = OverviewCsv.of(rows, SmallCounts.of(5))
                .column("Fase", Row::name).count("Open zaken", Row::cases, Row::suppressed)
                .column("Sinds", Row::since).column("Gemiddeld dagen", Row::days)
                .download("fasen", LocalDate.of(2026, 12, 6));

        assertThat(download.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"overzicht-fasen-2026-12-06.csv\"");
        byte[] body = download.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)).isEqualTo("""
                Fase;Open zaken;Sinds;Gemiddeld dagen\r
                Spoor 1;12;03-11-2026;131,5\r
                Spoor 2;< 5;;\r
                """);
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(OverviewCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(OverviewCsv.cell("zei \"nee\"")).isEqualTo("\"zei \"\"nee\"\"\"");
        assertThat(OverviewCsv.cell("regel 1\nregel 2")).isEqualTo("\"regel 1\nregel 2\"");
        assertThat(OverviewCsv.cell("gewoon")).isEqualTo("gewoon");
        assertThat(OverviewCsv.cell(null)).isEmpty();
        assertThat(OverviewCsv.cell(true)).isEqualTo("ja");
    }

    @Test
    void aCellThatAFormulaCouldStartWithIsPrefixedWithAQuote() {
        assertThat(OverviewCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(OverviewCsv.cell("+31 6")).isEqualTo("'+31 6");
        assertThat(OverviewCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(OverviewCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(OverviewCsv.cell("\tTAB")).isEqualTo("'\tTAB");
        assertThat(OverviewCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        // numbers the platform computed are numbers, not text: a negative count stays as it is
        assertThat(OverviewCsv.cell(-3L)).isEqualTo("-3");
        assertThat(OverviewCsv.cell(42.0)).isEqualTo("42");
    }
}
