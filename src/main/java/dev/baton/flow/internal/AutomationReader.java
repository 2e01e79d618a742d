package dev.baton.flow.internal;

import dev.baton.flow.AutomationAction;
import dev.baton.flow.Node;
import dev.baton.flow.Priority;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads an automation node and its one action. */
final class AutomationReader {

    static final int MAX_MESSAGE = 2_000;
    static final int MAX_URL = 2_000;

    private final ParseContext ctx;

    AutomationReader(ParseContext ctx) {
        this.ctx = ctx;
    }

    @Nullable
    Node read(JsonNode json, String path, String id, String name, @Nullable Node next) {
        this.ctx.requireName(name, path);
        String action = this.ctx.string(json, "action", path, 32, true);
        AutomationAction result = switch (action) {
            case "set_field" -> setField(json, path);
            case "set_priority" -> {
                JsonNode p = json.get("priority");
                if (p == null || p.isNull()) {
                    this.ctx.error(path + ".priority", "{field.required}");
                    yield null;
                }
                yield this.ctx
                        .enumCode(p, path + ".priority", Priority::ofCode)
                        .map(AutomationAction.SetPriority::new)
                        .orElse(null);
            }
            case "webhook" -> {
                String url = this.ctx.string(json, "url", path, MAX_URL, true);
                URI uri = url.isEmpty() ? null : https(url);
                if (!url.isEmpty() && uri == null) {
                    this.ctx.error(path + ".url", "{flow.webhook.https}");
                }
                yield uri == null ? null : new AutomationAction.Webhook(uri);
            }
            case "create_child" -> {
                String code = this.ctx.string(json, "templateCode", path, 64, true);
                if (!code.isEmpty() && !ParseContext.ROLE_CODE.matcher(code).matches()) {
                    this.ctx.error(path + ".templateCode", "{flow.code}");
                }
                yield new AutomationAction.CreateChild(code);
            }
            case "notify" -> {
                String channel = this.ctx.string(json, "channel", path, 64, true);
                if (!channel.isEmpty() && !ParseContext.CODE.matcher(channel).matches()) {
                    this.ctx.error(path + ".channel", "{flow.code}");
                }
                String message = this.ctx.string(json, "message", path, MAX_MESSAGE, true);
                yield new AutomationAction.Notify(channel, message);
            }
            case "" -> null;
            default -> {
                this.ctx.error(path + ".action", "{flow.not-option}");
                yield null;
            }
        };
        return result == null ? null : new Node.Automation(id, name, result, next);
    }

    private @Nullable AutomationAction setField(JsonNode json, String path) {
        String key = this.ctx.string(json, "fieldKey", path, 64, true);
        FieldDefinition field = key.isEmpty() ? null : this.ctx.field(key);
        if (!key.isEmpty() && field == null) {
            this.ctx.error(path + ".fieldKey", "{field.not-in-template}");
        } else if (field != null && field.type() == FieldType.CHAT_EXCERPT) {
            this.ctx.error(path + ".fieldKey", "{field.read-only}");
        }
        JsonNode value = json.get("value");
        if (value == null) {
            this.ctx.error(path + ".value", "{field.required}");
            return null;
        }
        return new AutomationAction.SetField(key, value);
    }

    private static @Nullable URI https(String url) {
        try {
            URI uri = new URI(url);
            boolean ok = "https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()
                    && uri.getUserInfo() == null;
            return ok ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
