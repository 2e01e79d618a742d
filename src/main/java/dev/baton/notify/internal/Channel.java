package dev.baton.notify.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a notification goes. */
enum Channel {
    WECOM,
    EMAIL,
    SMS,
    WEBHOOK,
    INAPP;

    /** The channels a user chooses among (the webhook is the tenant's, not a person's). */
    static final List<Channel> PERSONAL = List.of(INAPP, WECOM, EMAIL, SMS);

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Channel> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    /** What a user gets when they chose nothing: everything but SMS, which costs money per message. */
    boolean onByDefault() {
        return this != SMS;
    }
}
