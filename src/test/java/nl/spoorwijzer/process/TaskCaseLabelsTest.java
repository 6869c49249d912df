package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskCaseLabelsTest {

    @Test
    void aNameInTheFormHeaderCannotBecomeALinkOrMarkup() {
        assertThat(TaskCaseLabels.asMarkdownText("Tim [Log opnieuw in](https://evil.example)"))
                .isEqualTo("Tim Log opnieuw inhttps://evil.example").doesNotContain("[", "](");
        assertThat(TaskCaseLabels.asMarkdownText("**Bram** <img src=x> {{zaakId}}")).isEqualTo("Bram img src=x zaakId");
        assertThat(TaskCaseLabels.asMarkdownText("Acme Bouw B.V.")).isEqualTo("Acme Bouw B.V.");
        assertThat(TaskCaseLabels.asMarkdownText("Anne-Marie van 't Hof")).isEqualTo("Anne-Marie van 't Hof");
    }
}
