package dev.baton.flow.internal;

import dev.baton.flow.Branch;
import dev.baton.flow.CustomerStatus;
import dev.baton.flow.Node;
import dev.baton.flow.NodeType;
import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ParseContext ctx;
    private final Conditions conditions;
    private final TaskReader tasks;
    private final ApprovalReader approvals;
    private final AutomationReader automations;
    private int nodes;
    private int whens;

    private DefinitionParser(List<FieldDefinition> templateFields) {
        this.ctx = new ParseContext(templateFields);
        this.conditions = new Conditions(templateFields);
        AssigneeReader assignees = new AssigneeReader(this.ctx);
        NotifyReader notify = new NotifyReader(this.ctx);
        this.tasks = new TaskReader(this.ctx, assignees, notify);
        this.approvals = new ApprovalReader(this.ctx, assignees, notify);
        this.automations = new AutomationReader(this.ctx);
    }

    /** The tree (null when any problem was found) and every problem. */
    public record Parsed(Node.@Nullable Start root, List<FieldError> errors) {}

    public static Parsed parse(@Nullable JsonNode root, List<FieldDefinition> templateFields) {
        DefinitionParser parser = new DefinitionParser(templateFields);
        Node start = root == null ? null : parser.node(root, "$", 1, null);
        if (root == null || (start == null && !parser.ctx.hasErrors())) {
            parser.ctx.error("$", "{field.required}");
        }
        List<FieldError> errors = parser.ctx.errors();
        return new Parsed(errors.isEmpty() && start instanceof Node.Start s ? s : null, errors);
    }

    private @Nullable Node node(JsonNode json, String path, int depth, @Nullable Scope scope) {
        if (depth > MAX_DEPTH) {
            this.ctx.error(path, "{flow.too-deep}");
            return null;
        }
        if (!json.isObject()) {
            this.ctx.error(path, "{flow.node.not-object}");
            return null;
        }
        if (++this.nodes > MAX_NODES) {
            if (this.nodes == MAX_NODES + 1) {
                this.ctx.error(path, "{flow.too-many-nodes}");
            }
            return null;
        }
        String id = id(json, path);
        NodeType type = type(json, path, depth == 1);
        String name = this.ctx.string(json, "name", path, MAX_NAME, false);
        Scope here = new Scope(id, type == null ? NodeType.END : type, scope);
        Node next = null;
        JsonNode nextJson = json.get("next");
        if (nextJson != null && !nextJson.isNull()) {
            if (type == NodeType.END) {
                this.ctx.error(path + ".next", "{flow.end.next}");
            } else {
                next = node(nextJson, path + ".next", depth + 1, here);
            }
        }
        if (type == null) {
            return null;
        }
        return switch (type) {
            case START -> new Node.Start(id, name, next);
            case TASK -> this.tasks.read(json, path, id, name, next);
            case APPROVAL -> this.approvals.read(json, path, id, name, scope, next);
            case CONDITION -> {
                List<Branch> branches = branches(json, path, depth, here, true);
                yield new Node.Condition(id, name, branches, next);
            }
            case PARALLEL -> {
                List<Branch> branches = branches(json, path, depth, null, false);
                yield new Node.Parallel(id, name, branches, next);
            }
            case AUTOMATION -> this.automations.read(json, path, id, name, next);
            case END -> new Node.End(id, name, customerStatus(json, path), null);
        };
    }

    private String id(JsonNode json, String path) {
        JsonNode id = json.get("id");
        if (id == null || id.isNull()) {
            this.ctx.error(path + ".id", "{field.required}");
            return "";
        }
        if (!id.isString() || !ID.matcher(id.stringValue()).matches()) {
            this.ctx.error(path + ".id", "{flow.node.id}");
            return "";
        }
        if (!this.ctx.claimId(id.stringValue())) {
            this.ctx.error(path + ".id", "{flow.node.id-duplicate}");
        }
        return id.stringValue();
    }

    private @Nullable NodeType type(JsonNode json, String path, boolean root) {
        JsonNode type = json.get("type");
        if (type == null || type.isNull()) {
            this.ctx.error(path + ".type", "{field.required}");
            return null;
        }
        Optional<NodeType> known = type.isString() ? NodeType.ofCode(type.stringValue()) : Optional.empty();
        if (known.isEmpty()) {
            this.ctx.error(path + ".type", "{flow.node.type}");
            return null;
        }
        if (root != (known.get() == NodeType.START)) {
            this.ctx.error(path + ".type", root ? "{flow.node.start-root}" : "{flow.node.start-nested}");
        }
        return known.get();
    }

    private List<Branch> branches(JsonNode json, String path, int depth, @Nullable Scope scope, boolean condition) {
        List<Branch> branches = new ArrayList<>();
        JsonNode array = json.get("branches");
        String at = path + ".branches";
        if (array == null || array.isNull()) {
            this.ctx.error(at, "{flow.branches.too-few}");
            return branches;
        }
        if (!array.isArray()) {
            this.ctx.error(at, "{flow.not-list}");
            return branches;
        }
        if (array.size() < 2) {
            this.ctx.error(at, "{flow.branches.too-few}");
        }
        if (array.size() > MAX_BRANCHES) {
            this.ctx.error(at, "{flow.branches.too-many}");
            return branches;
        }
        int defaults = 0;
        for (int i = 0; i < array.size(); i++) {
            String b = at + "[" + i + "]";
            JsonNode branch = array.get(i);
            if (!branch.isObject()) {
                this.ctx.error(b, "{flow.not-object}");
                continue;
            }
            String name = this.ctx.string(branch, "name", b, MAX_NAME, false);
            JsonNode d = branch.get("default");
            boolean isDefault = false;
            if (d != null && !d.isNull()) {
                if (!d.isBoolean()) {
                    this.ctx.error(b + ".default", "{flow.not-boolean}");
                } else {
                    isDefault = d.booleanValue();
                }
            }
            JsonNode w = branch.get("when");
            boolean hasWhen = w != null && !w.isNull();
            String when = null;
            if (!condition) {
                if (hasWhen) {
                    this.ctx.error(b + ".when", "{flow.parallel.when}");
                }
                if (isDefault) {
                    this.ctx.error(b + ".default", "{flow.parallel.when}");
                }
            } else if (isDefault) {
                defaults++;
                if (defaults > 1) {
                    this.ctx.error(b + ".default", "{flow.condition.default-twice}");
                }
                if (hasWhen) {
                    this.ctx.error(b + ".when", "{flow.condition.default-when}");
                }
            } else if (!hasWhen) {
                this.ctx.error(b + ".when", "{field.required}");
            } else if (!w.isString()) {
                this.ctx.error(b + ".when", "{flow.not-text}");
            } else {
                when = w.stringValue();
                checkWhen(when, b + ".when");
            }
            Node next = null;
            JsonNode n = branch.get("next");
            if (n != null && !n.isNull()) {
                next = node(n, b + ".next", depth + 1, scope);
            }
            branches.add(new Branch(name, isDefault ? null : when, isDefault && condition, next));
        }
        if (condition && defaults == 0) {
            this.ctx.error(at, "{flow.condition.no-default}");
        }
        return branches;
    }

    private void checkWhen(String when, String path) {
        if (++this.whens > MAX_CONDITIONS) {
            if (this.whens == MAX_CONDITIONS + 1) {
                this.ctx.error(path, "{flow.when.too-many}");
            }
        } else if (!this.ctx.truncated()) {
            String problem = this.conditions.check(when);
            if (problem != null) {
                this.ctx.error(path, problem);
            }
        }
    }

    private @Nullable CustomerStatus customerStatus(JsonNode json, String path) {
        JsonNode status = json.get("customerStatus");
        if (status == null || status.isNull()) {
            return null;
        }
        return this.ctx
                .enumCode(status, path + ".customerStatus", CustomerStatus::ofCode)
                .orElse(null);
    }
}
