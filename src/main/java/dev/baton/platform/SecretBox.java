package dev.baton.platform;

/**
 * Encryption at rest for the credentials tenants give Baton (a WeCom app secret, a callback AES key): AES-GCM with a
 * random IV per value, under a key derived from {@code BATON_SECRETS_KEY} (the token secret when that is not set).
 * A sealed value is text and opens only with the same key.
 */
public interface SecretBox {

    String seal(String plain);

    /** @throws IllegalStateException when the value was sealed under another key or is damaged */
    String open(String sealed);
}
