package dev.baton.wecom;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends WeCom application messages to members of a tenant's corp, by their WeCom user ids: the corp of the tenant's
 * own WeCom settings, or, for a tenant without any, the installation's ({@code baton.wecom.*}).
 */
public interface WeComGateway {

    /** Whether the tenant (or else the installation) has a corp id, agent id and secret; without them nothing can be sent. */
    boolean configured(long tenantId);

    /**
     * Sends a text card (title, description, a link and its button) to these users.
     *
     * @throws WeComException when WeCom refuses the message or any of the users (invalid, not licensed), or
     *     cannot be reached; its message is WeCom's answer verbatim
     */
    void sendTextCard(long tenantId, List<String> userIds, TextCard card);

    /**
     * Sends a template card of type {@code button_interaction} (title, description, rows of name and value, the
     * card's link and its buttons) to these users.
     *
     * @throws WeComException as {@link #sendTextCard}
     */
    void sendTemplateCard(long tenantId, List<String> userIds, TemplateCard card);

    /**
     * @param url where the card's button leads (the ticket)
     * @param buttonText the button's label, e.g. 查看详情
     */
    record TextCard(String title, String description, String url, String buttonText) {}

    /**
     * @param taskId the card's id, unique within the application ({@code [A-Za-z0-9_@-]}, at most 128 bytes): WeCom
     *     names it in the click's callback and a later update of the card
     * @param url where a click on the card leads
     */
    record TemplateCard(
            String taskId, String title, String description, List<Row> rows, String url, List<Button> buttons) {
        public TemplateCard {
            rows = List.copyOf(rows);
            buttons = List.copyOf(buttons);
        }
    }

    /** A line of the card: a short name (at most 5 characters show) and its value. */
    record Row(String name, String value) {}

    /**
     * A button: with a {@code key}, WeCom calls the application back with it ({@code template_card_event}); with a
     * {@code url}, it opens it.
     */
    record Button(
            String text, @Nullable String key, @Nullable String url, boolean primary) {

        public static Button callback(String text, String key) {
            return new Button(text, key, null, true);
        }

        public static Button link(String text, String url) {
            return new Button(text, null, url, false);
        }
    }
}
