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

    /**
     * A 32-byte key for one purpose (e.g. signing customer links), derived by HKDF-SHA256 from the same installation key
     * the box seals with: independent of it and of every other purpose, and changing with it.
     */
    byte[] derivedKey(String purpose);
}
