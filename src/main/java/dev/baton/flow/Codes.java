package dev.baton.flow;

import java.util.Locale;
import java.util.Optional;

/** Lower-case JSON codes of the flow enums ({@code add_handler} for {@code ADD_HANDLER}). */
final class Codes {

    private Codes() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
