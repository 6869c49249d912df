package nl.spoorwijzer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Production code never depends on the demo: only the demo package itself names it. */
class DemoApartTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final String DEMO_PACKAGE = DemoCases.class.getPackageName();
    private static final Path DEMO_FOLDER = MAIN.resolve(DEMO_PACKAGE.replace('.', '/'));

    @Test
    void nothingOutsideTheDemoPackageUsesIt() throws IOException {
        List<Path> users;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            users = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(DEMO_FOLDER))
                    .filter(file -> read(file).contains(DEMO_PACKAGE + "."))
                    .toList();
        }
        assertThat(users).as("production classes that use " + DEMO_PACKAGE).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
