package dev.baton.platform;

import java.util.List;

/**
 * Localises field messages written as {@code {code}} in the caller's language, for responses that
 * carry problems without being errors (a draft that cannot be published yet).
 */
public interface Messages {

    List<FieldError> localize(List<FieldError> errors);
}
