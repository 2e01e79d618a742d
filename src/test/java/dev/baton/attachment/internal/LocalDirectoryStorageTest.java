package dev.baton.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDirectoryStorageTest {

    @TempDir
    Path root;

    @Test
    void storesReadsAndDeletesUnderTheTenantsDirectory() throws IOException {
        LocalDirectoryStorage storage = new LocalDirectoryStorage(this.root);
        storage.put(7, "ab/abc.thumb", new ByteArrayInputStream("你好".getBytes(StandardCharsets.UTF_8)));

        assertThat(this.root.resolve("7/ab/abc.thumb")).hasContent("你好");
        try (InputStream in = storage.open(7, "ab/abc.thumb")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("你好");
        }
        assertThatThrownBy(() -> storage.open(8, "ab/abc.thumb")).isInstanceOf(NoSuchFileException.class);
        try (var files = Files.list(this.root.resolve("7/ab"))) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }

        storage.delete(7, "ab/abc.thumb");
        storage.delete(7, "ab/abc.thumb");
        assertThat(this.root.resolve("7/ab/abc.thumb")).doesNotExist();
    }

    @Test
    void replacesWhatWasStoredUnderTheSameKey() throws IOException {
        LocalDirectoryStorage storage = new LocalDirectoryStorage(this.root);
        storage.put(1, "k", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        storage.put(1, "k", new ByteArrayInputStream(new byte[] {4}));
        assertThat(this.root.resolve("1/k")).hasBinaryContent(new byte[] {4});
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../2/ab/x",
                "ab/../../2/x",
                "..",
                ".",
                "/etc/passwd",
                "ab//x",
                "ab/",
                "ab\\..\\x",
                ".hidden",
                "ab/.x",
                "a b",
                "ab/%2e%2e/x",
                "C:\\x",
                "ab/x\0"
            })
    void refusesKeysThatCouldLeaveTheTenantsDirectory(String key) {
        LocalDirectoryStorage storage = new LocalDirectoryStorage(this.root);
        assertThatThrownBy(() -> storage.put(1, key, new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.open(1, key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(1, key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(this.root).isEmptyDirectory();
    }

    @Test
    void refusesInvalidTenantsAndOverlongKeys() {
        LocalDirectoryStorage storage = new LocalDirectoryStorage(this.root);
        assertThatThrownBy(() -> storage.resolve(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.resolve(-1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.resolve(1, "x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.resolve(1, "ab/x.thumb")).isEqualTo(this.root.resolve("1/ab/x.thumb"));
    }
}
