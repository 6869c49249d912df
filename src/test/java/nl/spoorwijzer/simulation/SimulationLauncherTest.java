package nl.spoorwijzer.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The simulation's JVM gets this JVM's classpath, absolute and without the working directory. */
class SimulationLauncherTest {

    @Test
    void emptyEntriesAreDroppedAndRelativeOnesMadeAbsolute() {
        String classpath = String.join(File.pathSeparator, "", "/opt/a.jar", "app.jar", " ");

        assertThat(SimulationLauncher.classpath(classpath).split(File.pathSeparator))
                .containsExactly("/opt/a.jar", Path.of("app.jar").toAbsolutePath().toString());
    }
}
