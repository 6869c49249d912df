package nl.spoorwijzer.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client's file name is stored and offered without paths, control characters or disguises. */
class FileNamesTest {

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\anna\\rapport.pdf")).isEqualTo("rapport.pdf");
        assertThat(FileNames.sanitise("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void controlAndDisguisingCharactersGo() {
        assertThat(FileNames.sanitise("rapport\u0000\r\n.pdf")).isEqualTo("rapport.pdf");
        assertThat(FileNames.sanitise("rapport\u202Efdp.exe")).isEqualTo("rapportfdp.exe");
        assertThat(FileNames.sanitise("a<b>:c\"d|e?f*.pdf")).isEqualTo("a_b__c_d_e_f_.pdf");
        assertThat(FileNames.sanitise("  .verborgen  rapport.pdf. ")).isEqualTo("verborgen rapport.pdf");
        assertThat(FileNames.sanitise("CON.pdf")).isEqualTo("_CON.pdf");
        assertThat(FileNames.sanitise("Ã©vÃ© probleemanalyse é.pdf")).endsWith("é.pdf");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.sanitise("x".repeat(300) + ".docx");

        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".docx");
    }
}
