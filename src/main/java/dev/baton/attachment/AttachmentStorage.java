package dev.baton.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of attachments live: a local directory by default, an S3-compatible bucket later.
 * Every tenant has its own space. A key is a relative path of {@code /}-separated segments made of
 * letters, digits, {@code .}, {@code -} and {@code _}, none starting with a dot; an implementation
 * refuses any other key, so no key can reach outside the tenant's space.
 */
public interface AttachmentStorage {

    /** Stores the stream's bytes under the key, replacing what was there; all or nothing. */
    void put(long tenantId, String storageKey, InputStream content) throws IOException;

    /** The stored bytes; the caller closes the stream. Fails with an IOException if there are none. */
    InputStream open(long tenantId, String storageKey) throws IOException;

    /** Removes the bytes; nothing happens if there are none. */
    void delete(long tenantId, String storageKey) throws IOException;
}
