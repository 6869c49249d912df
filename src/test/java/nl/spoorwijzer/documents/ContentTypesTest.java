package nl.spoorwijzer.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import org.junit.jupiter.api.Test;

/** The type of an upload is told by its content; the name must agree with it. */
class ContentTypesTest {

    @Test
    void acceptedKindsAreRecognisedByTheirContent() {
        assertThat(ContentTypes.recognise(SampleFiles.pdf("x"), "rapport.pdf").type()).isEqualTo(DocumentType.PDF);
        assertThat(ContentTypes.recognise(SampleFiles.png(), "scan.PNG").type()).isEqualTo(DocumentType.PNG);
        assertThat(ContentTypes.recognise(SampleFiles.jpeg(), "foto.jpg").type()).isEqualTo(DocumentType.JPEG);
        assertThat(ContentTypes.recognise(SampleFiles.jpeg(), "foto.jpeg").type()).isEqualTo(DocumentType.JPEG);
        assertThat(ContentTypes.recognise(SampleFiles.docx(), "plan.docx").type()).isEqualTo(DocumentType.DOCX);
    }

    @Test
    void aNameWithoutExtensionGetsTheContentsOne() {
        ContentTypes.Recognised recognised = ContentTypes.recognise(SampleFiles.pdf("x"), "brief UWV");

        assertThat(recognised.type()).isEqualTo(DocumentType.PDF);
        assertThat(recognised.fileName()).isEqualTo("brief UWV.pdf");
    }

    @Test
    void aPdfNameOnOtherContentIsRefused() {
        assertRefused(SampleFiles.html(), "rapport.pdf", "text/html");
        assertRefused(SampleFiles.png(), "rapport.pdf", "does not match the content (PNG-afbeelding)");
        assertRefused(SampleFiles.docx(), "rapport.pdf", "does not match the content (an office file)");
    }

    @Test
    void activeOrUnknownContentIsRefusedWhateverItsName() {
        assertRefused(SampleFiles.html(), "pagina.html", "text/html");
        assertRefused(SampleFiles.svg(), "logo.svg", "image/svg+xml");
        assertRefused(SampleFiles.exe(), "setup.exe", "is not accepted");
        assertRefused(SampleFiles.exe(), "rapport.pdf", "is not accepted");
        assertRefused(SampleFiles.plainZip(), "bijlagen.zip", "application/zip");
        assertRefused("gewone tekst".getBytes(), "notities.txt", "text/plain");
    }

    @Test
    void aNameCannotMakeAContainerOrUnknownBytesAcceptable() {
        assertRefused(SampleFiles.plainZip(), "plan.docx", "application/zip");
        assertRefused(SampleFiles.plainZip(), "werkblad.ods", "application/zip");
        byte[] unknown = {0x00, 0x13, 0x37, (byte) 0xfe, 0x01, 0x02, 0x7f, 0x00, 0x11, 0x22, 0x33, (byte) 0x99};
        assertRefused(unknown, "rapport.pdf", "application/octet-stream");
        assertRefused(unknown, "scan.png", "application/octet-stream");
    }

    private static void assertRefused(byte[] content, String name, String why) {
        assertThatThrownBy(() -> ContentTypes.recognise(content, name))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(Refusal.UNSUPPORTED_TYPE);
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.rule()).contains(why);
                });
    }
}
