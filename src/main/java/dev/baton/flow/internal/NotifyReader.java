package dev.baton.flow.internal;

import dev.baton.flow.NotifySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a node's {@code notify}: {@code {"onEnter": ["assignee", "creator", "<role code>"], "channels": ["wecom",
 * "email", "inapp", "sms"]}}, or the older short form, a list of channels, which tells the assignee.
 */
final class NotifyReader {

    static final Set<String> CHANNELS = Set.of("wecom", "email", "sms", "inapp");

    private final ParseContext ctx;

    NotifyReader(ParseContext ctx) {
        this.ctx = ctx;
    }

    NotifySettings read(@Nullable JsonNode json, String path) {
        if (json == null || json.isNull()) {
            return NotifySettings.NONE;
        }
        if (json.isArray()) {
            List<String> channels = channels(json, path);
            return channels.isEmpty()
                    ? NotifySettings.NONE
                    : new NotifySettings(List.of(NotifySettings.ASSIGNEE), channels);
        }
        if (!json.isObject()) {
            this.ctx.error(path, "{flow.not-object}");
            return NotifySettings.NONE;
        }
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            if (!entry.getKey().equals("onEnter") && !entry.getKey().equals("channels")) {
                this.ctx.error(path + "." + entry.getKey(), "{flow.notify.key}");
            }
        }
        List<String> recipients = new ArrayList<>();
        this.ctx.list(json.get("onEnter"), path + ".onEnter", (item, at) -> {
            if (!item.isString()
                    || !ParseContext.ROLE_CODE.matcher(item.stringValue()).matches()) {
                this.ctx.error(at, "{flow.notify.recipient}");
            } else if (!recipients.contains(item.stringValue())) {
                recipients.add(item.stringValue());
            }
        });
        List<String> channels = channels(json.get("channels"), path + ".channels");
        if (recipients.isEmpty() && !channels.isEmpty()) {
            this.ctx.error(path + ".onEnter", "{field.required}");
        } else if (!recipients.isEmpty() && channels.isEmpty() && json.get("channels") == null) {
            this.ctx.error(path + ".channels", "{field.required}");
        }
        return new NotifySettings(recipients, channels);
    }

    private List<String> channels(@Nullable JsonNode json, String path) {
        List<String> channels = new ArrayList<>();
        this.ctx.list(json, path, (item, at) -> {
            if (!item.isString()
                    || !ParseContext.CODE.matcher(item.stringValue()).matches()) {
                this.ctx.error(at, "{flow.code}");
            } else if (!CHANNELS.contains(item.stringValue())) {
                this.ctx.error(at, "{flow.notify.channel}");
            } else if (!channels.contains(item.stringValue())) {
                channels.add(item.stringValue());
            }
        });
        return channels;
    }
}
