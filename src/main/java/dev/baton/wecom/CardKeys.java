package dev.baton.wecom;

import java.util.Optional;

/**
 * The button keys of the template cards Baton sends, which WeCom hands back in the {@code template_card_event}
 * callback when a user presses one: {@code accept:<ticketId>:<version>:<nodeId>} accepts the ticket's task at that
 * node as the presser, if the ticket is still at that version.
 */
public final class CardKeys {

    private static final String ACCEPT = "accept";

    private CardKeys() {}

    public record Accept(long ticketId, int version, String nodeId) {}

    public static String accept(long ticketId, int version, String nodeId) {
        return ACCEPT + ":" + ticketId + ":" + version + ":" + nodeId;
    }

    public static Optional<Accept> parseAccept(String key) {
        String[] p = key.split(":", 4);
        if (p.length != 4 || !p[0].equals(ACCEPT) || p[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Accept(Long.parseLong(p[1]), Integer.parseInt(p[2]), p[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
