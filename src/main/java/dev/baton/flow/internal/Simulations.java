package dev.baton.flow.internal;

import dev.baton.flow.AssigneeResolver;
import dev.baton.flow.Effect;
import dev.baton.flow.FlowCompiler;
import dev.baton.flow.FlowDefinitions;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.FlowSimulator;
import dev.baton.flow.Node;
import dev.baton.flow.Priority;
import dev.baton.flow.RulesPreview;
import dev.baton.platform.BusinessTime;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.Messages;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.ValidationException;
import dev.baton.platform.db.tables.records.FlowsRecord;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldValues;
import dev.baton.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox: runs a flow — the draft as the designer sees it, or a published version — on sample
 * values with the very stepper real tickets will use, and writes nothing.
 */
@Service
class Simulations {

    private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {};
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final FlowRepository flows;
    private final TemplateCatalog templates;
    private final JsonMapper json;
    private final AssigneeResolver resolver;
    private final OrgDirectory org;
    private final Messages messages;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final ObjectProvider<RulesPreview> rules;

    Simulations(
            FlowRepository flows,
            TemplateCatalog templates,
            JsonMapper json,
            AssigneeResolver resolver,
            OrgDirectory org,
            Messages messages,
            BusinessTime businessTime,
            Clock clock,
            ObjectProvider<RulesPreview> rules) {
        this.rules = rules;
        this.businessTime = businessTime;
        this.clock = clock;
        this.flows = flows;
        this.templates = templates;
        this.json = json;
        this.resolver = resolver;
        this.org = org;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    SimulationView simulate(CurrentUser me, long id, SimulateRequest request) {
        long tenant = me.tenantId();
        FlowsRecord flow = this.flows.find(tenant, id).orElseThrow(() -> new NotFoundException("flow", id));
        JsonNode definition;
        TemplateCatalog.CurrentFields fields;
        if (request.version() == null) {
            definition = this.json.readTree(flow.getDraft());
            fields = this.templates
                    .currentFields(tenant, flow.getTemplateId())
                    .orElseThrow(() -> new ValidationException("templateId", "{flow.template-missing}"));
        } else {
            var published = this.flows
                    .version(tenant, id, request.version())
                    .orElseThrow(() -> new ValidationException("version", "{flow.version-missing}"));
            definition = this.json.readTree(published.getDefinition());
            fields = this.templates
                    .fieldsOf(tenant, flow.getTemplateId(), published.getTemplateVersion())
                    .orElseThrow(() -> new ValidationException("templateId", "{flow.template-missing}"));
        }
        FlowDefinitions.Result checked = FlowDefinitions.parse(definition, fields.fields());
        if (!checked.valid()) {
            throw new ValidationException(checked.errors());
        }
        Map<String, @Nullable Object> values = sampleValues(fields.fields(), request.fieldsOrEmpty());
        Long creator = creator(me, request.creatorId());
        Map<String, @Nullable Object> facts = facts(request);
        FlowGraph graph = FlowCompiler.compile(checked.root());
        FlowSimulator.Simulation run =
                FlowSimulator.simulate(graph, fields.fields(), values, facts, request.verdicts());
        AssigneeResolver.Context ctx = this.resolver.context(tenant, creator, values);
        // No time passes in a simulation: every node's deadline counts from now, on the tenant's default calendar.
        Instant now = this.clock.instant();
        SandboxPeople.Result people = new SandboxPeople(
                        this.resolver,
                        this.org,
                        this.messages,
                        graph,
                        ctx,
                        target -> this.businessTime
                                .deadline(tenant, now, target)
                                .map(d -> d.toOffsetDateTime().toString())
                                .orElse(null),
                        rulesFor(tenant, flow.getTemplateId(), facts, ctx))
                .read(run.effects(), values);
        List<Step> path = run.path().stream()
                .map(nodeId -> step(graph.node(nodeId), nodeId))
                .toList();
        List<EffectView> effects =
                run.effects().stream().map(e -> new EffectView(kind(e), e)).toList();
        return new SimulationView(
                path,
                people.steps(),
                people.notifications(),
                creator,
                effects,
                run.state().status().name(),
                run.state().customerStatus() == null
                        ? null
                        : run.state().customerStatus().code(),
                run.refusal() == null ? null : run.refusal().code(),
                run.refusal() == null ? null : run.refusal().detail());
    }

    /**
     * The sample values as a stored ticket holds them (whole numbers as {@code Long}), checked like ticket
     * creation checks them — except that fields the sample leaves out are not required.
     */
    private Map<String, @Nullable Object> sampleValues(
            List<FieldDefinition> defs, Map<String, @Nullable Object> sample) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(this.json
                .reader()
                .with(DeserializationFeature.USE_LONG_FOR_INTS)
                .forType(MAP)
                .<Map<String, @Nullable Object>>readValue(this.json.writeValueAsString(sample)));
        List<FieldError> errors = FieldValues.validate(defs, values).stream()
                .filter(e -> values.containsKey(e.field()))
                .map(e -> new FieldError("fields." + e.field(), e.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return values;
    }

    /** Who the sample ticket is created by: the request's {@code creatorId} (an active user), else the caller. */
    private @Nullable Long creator(CurrentUser me, @Nullable Long creatorId) {
        if (creatorId == null) {
            return me.userId();
        }
        if (creatorId < 1 || !this.org.isActive(me.tenantId(), creatorId)) {
            throw new ValidationException("creatorId", "{flow.simulate.creator-unknown}");
        }
        return creatorId;
    }

    /** The facts ticket creation adds (source, priority) with its defaults, then the request's own. */
    /** The assignment module's dry run of its rules, when it is there. */
    private SandboxPeople.Rules rulesFor(
            long tenant, long templateId, Map<String, @Nullable Object> facts, AssigneeResolver.Context ctx) {
        RulesPreview preview = this.rules.getIfAvailable();
        if (preview == null) {
            return (nodeId, values) -> null;
        }
        return (nodeId, values) ->
                preview.preview(tenant, templateId, nodeId, values, facts, ctx.creatorId(), ctx.departmentId());
    }

    private static Map<String, @Nullable Object> facts(SimulateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String source = request.source() == null ? "api" : request.source();
        if (!SOURCE.matcher(source).matches()) {
            errors.add(new FieldError("source", "{flow.simulate.source}"));
        }
        String priority = request.priority() == null ? Priority.NORMAL.code() : request.priority();
        if (Priority.ofCode(priority).isEmpty()) {
            errors.add(new FieldError("priority", "{flow.not-option}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("ticket.source", source);
        facts.put("ticket.priority", priority);
        facts.putAll(request.factsOrEmpty());
        return facts;
    }

    private static Step step(Node node, String nodeId) {
        return new Step(nodeId, node.name(), node.getClass().getSimpleName().toLowerCase(Locale.ROOT));
    }

    /** {@code AssignmentNeeded} → {@code assignment_needed}: a stable name the sandbox UI can switch on. */
    static String kind(Effect effect) {
        return effect.getClass()
                .getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * @param version a published version, or null for the current draft
     * @param facts {@code ticket.*} and {@code customer.*} values, e.g. {@code {"customer.level": "VIP"}}
     * @param decisions per approval node, the verdicts approvers give in turn ({@code approve} / {@code reject});
     *     approvals without a script approve
     * @param creatorId who creates the sample ticket (leaders, "creator" and notifications follow from it);
     *     the caller when absent
     * @param source and {@code priority}: as on ticket creation ({@code api} and {@code normal} when absent)
     */
    record SimulateRequest(
            @Nullable Integer version,
            @Nullable Long creatorId,
            @Nullable String source,
            @Nullable String priority,
            @Nullable Map<String, @Nullable Object> fields,
            @Nullable Map<String, @Nullable Object> facts,
            @Nullable Map<String, @Nullable List<String>> decisions) {

        Map<String, @Nullable Object> fieldsOrEmpty() {
            return this.fields == null ? Map.of() : this.fields;
        }

        Map<String, @Nullable Object> factsOrEmpty() {
            return this.facts == null ? Map.of() : this.facts;
        }

        /** The decisions as verdicts; every unknown word is reported with its place. */
        Map<String, List<FlowSimulator.Verdict>> verdicts() {
            if (this.decisions == null) {
                return Map.of();
            }
            List<FieldError> errors = new ArrayList<>();
            Map<String, List<FlowSimulator.Verdict>> verdicts = new LinkedHashMap<>();
            this.decisions.forEach((node, words) -> {
                List<FlowSimulator.Verdict> list = new ArrayList<>();
                if (words == null) {
                    errors.add(new FieldError("decisions." + node, "{flow.simulate.verdict}"));
                    return;
                }
                for (int i = 0; i < words.size(); i++) {
                    String word = String.valueOf(words.get(i)).toUpperCase(Locale.ROOT);
                    if (word.equals("APPROVE") || word.equals("REJECT")) {
                        list.add(FlowSimulator.Verdict.valueOf(word));
                    } else {
                        errors.add(new FieldError("decisions." + node + "[" + i + "]", "{flow.simulate.verdict}"));
                    }
                }
                verdicts.put(node, list);
            });
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return verdicts;
        }
    }

    record Step(String nodeId, String name, String type) {}

    record EffectView(String kind, Effect detail) {}

    /**
     * @param outcome RUNNING (waiting where the script ran out), COMPLETED or REJECTED
     * @param refusal why the run stopped early, e.g. a condition that could not be evaluated
     */
    /**
     * @param path the nodes entered, in order
     * @param steps the same nodes with their assignees, candidates and SLA
     * @param notifications what would be sent, in order
     * @param creatorId who the sample ticket was created by
     */
    record SimulationView(
            List<Step> path,
            List<SandboxPeople.StepView> steps,
            List<SandboxPeople.NotificationView> notifications,
            @Nullable Long creatorId,
            List<EffectView> effects,
            String outcome,
            @Nullable String customerStatus,
            @Nullable String refusal,
            @Nullable String refusalDetail) {}
}
