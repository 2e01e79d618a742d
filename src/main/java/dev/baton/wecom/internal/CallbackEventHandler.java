package dev.baton.wecom.internal;

import java.util.Map;
import java.util.Set;

/**
 * Acts on one kind of decrypted WeCom callback. {@link CallbackProcessing} picks the handler by the message's
 * {@code Event} and writes the returned outcome on the inbox row; a handler never sees the same kept message twice
 * unless its processing crashed before the outcome was written, so what it does must be idempotent.
 */
interface CallbackEventHandler {

    /** The {@code Event} values handled, e.g. {@code change_external_contact}. */
    Set<String> events();

    /** @param fields the message's top-level elements (and, for nested ones, their text) */
    Outcome handle(long tenantId, Map<String, String> fields);

    /** @param status {@code done}, {@code ignored} or {@code failed} */
    record Outcome(String status, String detail) {

        static Outcome done(String detail) {
            return new Outcome("done", detail);
        }

        static Outcome ignored(String detail) {
            return new Outcome("ignored", detail);
        }

        static Outcome failed(String detail) {
            return new Outcome("failed", detail);
        }
    }
}
