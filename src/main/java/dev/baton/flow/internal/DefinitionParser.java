package dev.baton.flow.internal;

import dev.baton.flow.ApprovalMode;
import dev.baton.flow.Assignee;
import dev.baton.flow.AssigneeStrategy;
import dev.baton.flow.AutomationAction;
import dev.baton.flow.Branch;
import dev.baton.flow.CustomerStatus;
import dev.baton.flow.FieldRule;
import dev.baton.flow.Node;
import dev.baton.flow.NodeType;
import dev.baton.flow.OnReject;
import dev.baton.flow.Priority;
import dev.baton.flow.Sla;
import dev.baton.flow.TaskAction;
import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One pass over a definition's JSON: builds the node tree and collects every problem with its JSON path.
 * Recursion follows the node tree only and stops at {@value #MAX_DEPTH} levels; every list and string is
 * bounded, so hostile input costs at most a few thousand small steps.
 */
public final class DefinitionParser {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NODES = 1_000;
    public static final int MAX_BRANCHES = 20;
    public static final int MAX_ERRORS = 100;

    /** Checking one expression takes up to a few milliseconds; this bounds the whole definition. */
    public static final int MAX_CONDITIONS = 100;

    static final int MAX_NAME = 100;
    static final int MAX_LIST = 20;
    static final int MAX_MESSAGE = 2_000;
    static final int MAX_URL = 2_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern ROLE_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Map<String, FieldDefinition> fields = new HashMap<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Conditions conditions;
    private int nodes;
    private int whens;
    private boolean truncated;

    private DefinitionParser(List<FieldDefinition> templateFields) {
        templateFields.forEach(f -> this.fields.put(f.key(), f));
        this.conditions = new Conditions(templateFields);
    }

    /** The tree (null when any problem was found) and every problem. */
    public record Parsed(Node.@Nullable Start root, List<FieldError> errors) {}

    public static Parsed parse(@Nullable JsonNode root, List<FieldDefinition> templateFields) {
        DefinitionParser parser = new DefinitionParser(templateFields);
        Node start = root == null ? null : parser.node(root, "$", 1, null);
        if (root == null || (start == null && parser.errors.isEmpty())) {
            parser.error("$", "{field.required}");
        }
        if (parser.truncated) {
            parser.errors.add(new FieldError("$", "{flow.too-many-errors}"));
        }
        List<FieldError> errors = List.copyOf(parser.errors);
        return new Parsed(errors.isEmpty() && start instanceof Node.Start s ? s : null, errors);
    }

    /** Nodes on every path to the current one (not across a parallel branch boundary), innermost first. */
    private record Scope(String id, NodeType type, @Nullable Scope parent) {}

    private void error(String path, String code) {
        if (this.errors.size() < MAX_ERRORS) {
            this.errors.add(new FieldError(path, code));
        } else {
            this.truncated = true;
        }
    }

    private @Nullable Node node(JsonNode json, String path, int depth, @Nullable Scope scope) {
        if (depth > MAX_DEPTH) {
            error(path, "{flow.too-deep}");
            return null;
        }
        if (!json.isObject()) {
            error(path, "{flow.node.not-object}");
            return null;
        }
        if (++this.nodes > MAX_NODES) {
            if (this.nodes == MAX_NODES + 1) {
                error(path, "{flow.too-many-nodes}");
            }
            return null;
        }
        String id = id(json, path);
        NodeType type = type(json, path, depth == 1);
        String name = string(json, "name", path, MAX_NAME, false);
        Scope here = new Scope(id, type == null ? NodeType.END : type, scope);
        Node next = null;
        JsonNode nextJson = json.get("next");
        if (nextJson != null && !nextJson.isNull()) {
            if (type == NodeType.END) {
                error(path + ".next", "{flow.end.next}");
            } else {
                next = node(nextJson, path + ".next", depth + 1, here);
            }
        }
        if (type == null) {
            return null;
        }
        return switch (type) {
            case START -> new Node.Start(id, name, next);
            case TASK -> task(json, path, id, name, next);
            case APPROVAL -> approval(json, path, id, name, scope, next);
            case CONDITION -> {
                List<Branch> branches = branches(json, path, depth, here, true);
                yield new Node.Condition(id, name, branches, next);
            }
            case PARALLEL -> {
                List<Branch> branches = branches(json, path, depth, null, false);
                yield new Node.Parallel(id, name, branches, next);
            }
            case AUTOMATION -> automation(json, path, id, name, next);
            case END -> new Node.End(id, name, customerStatus(json, path), null);
        };
    }

    private String id(JsonNode json, String path) {
        JsonNode id = json.get("id");
        if (id == null || id.isNull()) {
            error(path + ".id", "{field.required}");
            return "";
        }
        if (!id.isString() || !ID.matcher(id.stringValue()).matches()) {
            error(path + ".id", "{flow.node.id}");
            return "";
        }
        if (!this.ids.add(id.stringValue())) {
            error(path + ".id", "{flow.node.id-duplicate}");
        }
        return id.stringValue();
    }

    private @Nullable NodeType type(JsonNode json, String path, boolean root) {
        JsonNode type = json.get("type");
        if (type == null || type.isNull()) {
            error(path + ".type", "{field.required}");
            return null;
        }
        Optional<NodeType> known = type.isString() ? NodeType.ofCode(type.stringValue()) : Optional.empty();
        if (known.isEmpty()) {
            error(path + ".type", "{flow.node.type}");
            return null;
        }
        if (root != (known.get() == NodeType.START)) {
            error(path + ".type", root ? "{flow.node.start-root}" : "{flow.node.start-nested}");
        }
        return known.get();
    }

    // ---- task

    private Node task(JsonNode json, String path, String id, String name, @Nullable Node next) {
        requireName(name, path);
        Assignee assignee = null;
        JsonNode a = json.get("assignee");
        if (a == null || a.isNull()) {
            error(path + ".assignee", "{flow.assignee.missing}");
        } else {
            assignee = assignee(a, path + ".assignee");
        }
        Map<String, FieldRule> rules = fieldRules(json.get("fields"), path + ".fields");
        Sla sla = sla(json.get("sla"), path + ".sla");
        List<String> notify = codes(json.get("notify"), path + ".notify");
        Set<TaskAction> actions = EnumSet.noneOf(TaskAction.class);
        list(json.get("actions"), path + ".actions", (item, at) -> {
            enumCode(item, at, TaskAction::ofCode).ifPresent(actions::add);
        });
        return new Node.Task(
                id, name, assignee == null ? new Assignee.Creator() : assignee, rules, sla, notify, actions, next);
    }

    private Map<String, FieldRule> fieldRules(@Nullable JsonNode json, String path) {
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        if (json == null || json.isNull()) {
            return rules;
        }
        if (!json.isObject()) {
            error(path, "{flow.not-object}");
            return rules;
        }
        if (json.size() > Math.max(this.fields.size(), MAX_LIST)) {
            error(path, "{flow.too-many}");
            return rules;
        }
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            String at = path + "." + entry.getKey();
            if (!this.fields.containsKey(entry.getKey())) {
                error(at, "{field.not-in-template}");
            }
            enumCode(entry.getValue(), at, FieldRule::ofCode).ifPresent(rule -> rules.put(entry.getKey(), rule));
        }
        return rules;
    }

    private @Nullable Sla sla(@Nullable JsonNode json, String path) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (!json.isString() || json.stringValue().length() > 32) {
            error(path, "{flow.sla}");
            return null;
        }
        String iso = json.stringValue();
        try {
            Duration duration = Duration.parse(iso);
            if (duration.isNegative() || duration.isZero() || duration.toDays() > 3_650) {
                error(path, "{flow.sla}");
                return null;
            }
            int days = (int) duration.toDays();
            return new Sla(iso, days, duration.minusDays(days));
        } catch (DateTimeParseException e) {
            error(path, "{flow.sla}");
            return null;
        }
    }

    // ---- approval

    private Node approval(
            JsonNode json, String path, String id, String name, @Nullable Scope earlier, @Nullable Node next) {
        requireName(name, path);
        ApprovalMode mode = ApprovalMode.SERIAL;
        JsonNode m = json.get("mode");
        if (m == null || m.isNull()) {
            error(path + ".mode", "{field.required}");
        } else {
            mode = enumCode(m, path + ".mode", ApprovalMode::ofCode).orElse(mode);
        }
        List<Assignee> approvers = new ArrayList<>();
        JsonNode a = json.get("approvers");
        if (a == null || a.isNull() || (a.isArray() && a.isEmpty())) {
            error(path + ".approvers", "{flow.assignee.missing}");
        } else {
            list(a, path + ".approvers", (item, at) -> {
                Assignee assignee = assignee(item, at);
                if (assignee != null) {
                    approvers.add(assignee);
                }
            });
        }
        OnReject onReject = onReject(json.get("onReject"), path + ".onReject", earlier);
        return new Node.Approval(id, name, mode, approvers, onReject, next);
    }

    private OnReject onReject(@Nullable JsonNode json, String path, @Nullable Scope earlier) {
        if (json == null || json.isNull()) {
            return new OnReject.End();
        }
        if (!json.isObject()) {
            error(path, "{flow.not-object}");
            return new OnReject.End();
        }
        String action = string(json, "action", path, 32, true);
        switch (action) {
            case "end" -> {
                return new OnReject.End();
            }
            case "return" -> {
                String target = string(json, "targetNodeId", path, 64, true);
                if (!target.isEmpty() && !returnable(target, earlier)) {
                    error(path + ".targetNodeId", "{flow.reject.target}");
                }
                return new OnReject.Return(target);
            }
            case "" -> {
                return new OnReject.End();
            }
            default -> {
                error(path + ".action", "{flow.not-option}");
                return new OnReject.End();
            }
        }
    }

    private static boolean returnable(String target, @Nullable Scope earlier) {
        for (Scope s = earlier; s != null; s = s.parent()) {
            if (s.id().equals(target)) {
                return s.type() == NodeType.START || s.type() == NodeType.TASK || s.type() == NodeType.APPROVAL;
            }
        }
        return false;
    }

    // ---- assignees

    private @Nullable Assignee assignee(JsonNode json, String path) {
        if (!json.isObject()) {
            error(path, "{flow.not-object}");
            return null;
        }
        JsonNode s = json.get("strategy");
        if (s == null || s.isNull()) {
            error(path + ".strategy", "{field.required}");
            return null;
        }
        Optional<AssigneeStrategy> strategy = enumCode(s, path + ".strategy", AssigneeStrategy::ofCode);
        if (strategy.isEmpty()) {
            return null;
        }
        return switch (strategy.get()) {
            case USER -> {
                long userId = id(json, "userId", path);
                yield userId > 0 ? new Assignee.User(userId) : null;
            }
            case ROLE -> {
                String role = string(json, "roleCode", path, 64, true);
                if (!role.isEmpty() && !ROLE_CODE.matcher(role).matches()) {
                    error(path + ".roleCode", "{flow.code}");
                }
                yield role.isEmpty() ? null : new Assignee.Role(role);
            }
            case DEPARTMENT -> {
                long departmentId = id(json, "departmentId", path);
                yield departmentId > 0 ? new Assignee.Department(departmentId) : null;
            }
            case DEPARTMENT_LEADER -> {
                JsonNode level = json.get("level");
                if (level == null || level.isNull()) {
                    yield new Assignee.DepartmentLeader(1);
                }
                if (!level.isIntegralNumber()
                        || !level.canConvertToInt()
                        || level.intValue() < 1
                        || level.intValue() > 20) {
                    error(path + ".level", "{flow.leader-level}");
                    yield null;
                }
                yield new Assignee.DepartmentLeader(level.intValue());
            }
            case CREATOR -> new Assignee.Creator();
            case FIELD -> {
                String key = string(json, "fieldKey", path, 64, true);
                if (key.isEmpty()) {
                    yield null;
                }
                FieldDefinition field = this.fields.get(key);
                if (field == null) {
                    error(path + ".fieldKey", "{field.not-in-template}");
                } else if (field.type() != FieldType.USER) {
                    error(path + ".fieldKey", "{flow.assignee.field-not-user}");
                }
                yield new Assignee.Field(key);
            }
            case RULES -> new Assignee.Rules();
        };
    }

    private long id(JsonNode json, String key, String path) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            error(path + "." + key, "{field.required}");
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            error(path + "." + key, "{field.not-id}");
            return 0;
        }
        return value.longValue();
    }

    // ---- condition and parallel

    private List<Branch> branches(JsonNode json, String path, int depth, @Nullable Scope scope, boolean condition) {
        List<Branch> branches = new ArrayList<>();
        JsonNode array = json.get("branches");
        String at = path + ".branches";
        if (array == null || array.isNull()) {
            error(at, "{flow.branches.too-few}");
            return branches;
        }
        if (!array.isArray()) {
            error(at, "{flow.not-list}");
            return branches;
        }
        if (array.size() < 2) {
            error(at, "{flow.branches.too-few}");
        }
        if (array.size() > MAX_BRANCHES) {
            error(at, "{flow.branches.too-many}");
            return branches;
        }
        int defaults = 0;
        for (int i = 0; i < array.size(); i++) {
            String b = at + "[" + i + "]";
            JsonNode branch = array.get(i);
            if (!branch.isObject()) {
                error(b, "{flow.not-object}");
                continue;
            }
            String name = string(branch, "name", b, MAX_NAME, false);
            JsonNode d = branch.get("default");
            boolean isDefault = false;
            if (d != null && !d.isNull()) {
                if (!d.isBoolean()) {
                    error(b + ".default", "{flow.not-boolean}");
                } else {
                    isDefault = d.booleanValue();
                }
            }
            JsonNode w = branch.get("when");
            boolean hasWhen = w != null && !w.isNull();
            String when = null;
            if (!condition) {
                if (hasWhen) {
                    error(b + ".when", "{flow.parallel.when}");
                }
                if (isDefault) {
                    error(b + ".default", "{flow.parallel.when}");
                }
            } else if (isDefault) {
                defaults++;
                if (defaults > 1) {
                    error(b + ".default", "{flow.condition.default-twice}");
                }
                if (hasWhen) {
                    error(b + ".when", "{flow.condition.default-when}");
                }
            } else if (!hasWhen) {
                error(b + ".when", "{field.required}");
            } else if (!w.isString()) {
                error(b + ".when", "{flow.not-text}");
            } else {
                when = w.stringValue();
                if (++this.whens > MAX_CONDITIONS) {
                    if (this.whens == MAX_CONDITIONS + 1) {
                        error(b + ".when", "{flow.when.too-many}");
                    }
                } else if (!this.truncated) {
                    String problem = this.conditions.check(when);
                    if (problem != null) {
                        error(b + ".when", problem);
                    }
                }
            }
            Node next = null;
            JsonNode n = branch.get("next");
            if (n != null && !n.isNull()) {
                next = node(n, b + ".next", depth + 1, scope);
            }
            branches.add(new Branch(name, isDefault ? null : when, isDefault && condition, next));
        }
        if (condition && defaults == 0) {
            error(at, "{flow.condition.no-default}");
        }
        return branches;
    }

    // ---- automation

    private @Nullable Node automation(JsonNode json, String path, String id, String name, @Nullable Node next) {
        requireName(name, path);
        String action = string(json, "action", path, 32, true);
        AutomationAction result = switch (action) {
            case "set_field" -> {
                String key = string(json, "fieldKey", path, 64, true);
                if (!key.isEmpty() && !this.fields.containsKey(key)) {
                    error(path + ".fieldKey", "{field.not-in-template}");
                } else if (!key.isEmpty() && this.fields.get(key).type() == FieldType.CHAT_EXCERPT) {
                    error(path + ".fieldKey", "{field.read-only}");
                }
                JsonNode value = json.get("value");
                if (value == null) {
                    error(path + ".value", "{field.required}");
                    yield null;
                }
                yield new AutomationAction.SetField(key, value);
            }
            case "set_priority" -> {
                JsonNode p = json.get("priority");
                if (p == null || p.isNull()) {
                    error(path + ".priority", "{field.required}");
                    yield null;
                }
                yield enumCode(p, path + ".priority", Priority::ofCode)
                        .map(AutomationAction.SetPriority::new)
                        .orElse(null);
            }
            case "webhook" -> {
                String url = string(json, "url", path, MAX_URL, true);
                URI uri = url.isEmpty() ? null : https(url);
                if (!url.isEmpty() && uri == null) {
                    error(path + ".url", "{flow.webhook.https}");
                }
                yield uri == null ? null : new AutomationAction.Webhook(uri);
            }
            case "create_child" -> {
                String code = string(json, "templateCode", path, 64, true);
                if (!code.isEmpty() && !ROLE_CODE.matcher(code).matches()) {
                    error(path + ".templateCode", "{flow.code}");
                }
                yield new AutomationAction.CreateChild(code);
            }
            case "notify" -> {
                String channel = string(json, "channel", path, 64, true);
                if (!channel.isEmpty() && !CODE.matcher(channel).matches()) {
                    error(path + ".channel", "{flow.code}");
                }
                String message = string(json, "message", path, MAX_MESSAGE, true);
                yield new AutomationAction.Notify(channel, message);
            }
            case "" -> null;
            default -> {
                error(path + ".action", "{flow.not-option}");
                yield null;
            }
        };
        return result == null ? null : new Node.Automation(id, name, result, next);
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

    // ---- end

    private @Nullable CustomerStatus customerStatus(JsonNode json, String path) {
        JsonNode status = json.get("customerStatus");
        if (status == null || status.isNull()) {
            return null;
        }
        return enumCode(status, path + ".customerStatus", CustomerStatus::ofCode)
                .orElse(null);
    }

    // ---- helpers

    private void requireName(String name, String path) {
        if (name.isBlank()) {
            error(path + ".name", "{field.required}");
        }
    }

    /** The string at {@code key}, or "" after reporting a problem (or when optional and absent). */
    private String string(JsonNode json, String key, String path, int maxLength, boolean required) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(path + "." + key, "{field.required}");
            }
            return "";
        }
        if (!value.isString()) {
            error(path + "." + key, "{flow.not-text}");
            return "";
        }
        String text = value.stringValue();
        if (text.length() > maxLength) {
            error(path + "." + key, "{field.too-long}");
            return "";
        }
        if (required && text.isBlank()) {
            error(path + "." + key, "{field.required}");
            return "";
        }
        return text;
    }

    private <E> Optional<E> enumCode(JsonNode json, String path, Function<String, Optional<E>> parse) {
        Optional<E> value = json.isString() && json.stringValue().length() <= 64
                ? parse.apply(json.stringValue())
                : Optional.empty();
        if (value.isEmpty()) {
            error(path, "{flow.not-option}");
        }
        return value;
    }

    private List<String> codes(@Nullable JsonNode json, String path) {
        List<String> codes = new ArrayList<>();
        list(json, path, (item, at) -> {
            if (!item.isString() || !CODE.matcher(item.stringValue()).matches()) {
                error(at, "{flow.code}");
            } else if (!codes.contains(item.stringValue())) {
                codes.add(item.stringValue());
            }
        });
        return codes;
    }

    private interface Item {
        void accept(JsonNode item, String path);
    }

    private void list(@Nullable JsonNode json, String path, Item each) {
        if (json == null || json.isNull()) {
            return;
        }
        if (!json.isArray()) {
            error(path, "{flow.not-list}");
            return;
        }
        if (json.size() > MAX_LIST) {
            error(path, "{flow.too-many}");
            return;
        }
        for (int i = 0; i < json.size(); i++) {
            each.accept(json.get(i), path + "[" + i + "]");
        }
    }
}
