package dev.baton.attachment.internal;

import dev.baton.attachment.AttachmentStorage;
import dev.baton.platform.BatonSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keeps attachments in {@code BATON_DATA_DIR/attachments/<tenantId>/<key>}. A file is written to a
 * temporary name beside its final one and then renamed, so a reader never sees half a file.
 */
@Component
class LocalDirectoryStorage implements AttachmentStorage {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int MAX_KEY = 255;

    private final Path root;

    @org.springframework.beans.factory.annotation.Autowired
    LocalDirectoryStorage(BatonSettings settings) {
        this(settings.dataDir().resolve("attachments"));
    }

    LocalDirectoryStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(long tenantId, String storageKey, InputStream content) throws IOException {
        Path target = resolve(tenantId, storageKey);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(long tenantId, String storageKey) throws IOException {
        return Files.newInputStream(resolve(tenantId, storageKey));
    }

    @Override
    public void delete(long tenantId, String storageKey) throws IOException {
        Files.deleteIfExists(resolve(tenantId, storageKey));
    }

    /** The file of a key; refuses keys that are not plain relative paths or would leave the tenant's directory. */
    Path resolve(long tenantId, String storageKey) {
        if (tenantId <= 0) {
            throw new IllegalArgumentException("invalid tenant id " + tenantId);
        }
        if (storageKey.length() > MAX_KEY || !KEY.matcher(storageKey).matches()) {
            throw new IllegalArgumentException("invalid storage key: " + storageKey);
        }
        Path tenantRoot = this.root.resolve(Long.toString(tenantId));
        Path file = tenantRoot.resolve(storageKey).normalize();
        if (!file.startsWith(tenantRoot) || file.equals(tenantRoot)) {
            throw new IllegalArgumentException("storage key escapes the tenant's directory: " + storageKey);
        }
        return file;
    }
}
