package io.imsconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every class can be read in one sitting: no source file of core or server over 300 lines. */
class SourceSizeTest {

    private static final int MAX_LINES = 300;

    @Test
    void everyMainSourceFileWhenCountedThenAtMostThreeHundredLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Stream.of(Path.of("src/main/java"), Path.of("../core/src/main/java"))
                .flatMap(SourceSizeTest::javaFiles)) {
            tooLong = files.filter(file -> lines(file) > MAX_LINES).map(file -> file + " (" + lines(file) + ")")
                    .toList();
        }
        assertThat(tooLong).as("source files over " + MAX_LINES + " lines").isEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root.toAbsolutePath(), e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
