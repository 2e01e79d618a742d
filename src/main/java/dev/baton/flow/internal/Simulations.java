package dev.baton.flow.internal;

import dev.baton.flow.Effect;
import dev.baton.flow.FlowCompiler;
import dev.baton.flow.FlowDefinitions;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.FlowSimulator;
import dev.baton.flow.Node;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.ValidationException;
import dev.baton.platform.db.tables.records.FlowsRecord;
import dev.baton.template.TemplateCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox: runs a flow — the draft as the designer sees it, or a published version — on sample
 * values with the very stepper real tickets will use, and writes nothing.
 */
@Service
class Simulations {

    private final FlowRepository flows;
    private final TemplateCatalog templates;
    private final JsonMapper json;

    Simulations(FlowRepository flows, TemplateCatalog templates, JsonMapper json) {
        this.flows = flows;
        this.templates = templates;
        this.json = json;
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
        FlowGraph graph = FlowCompiler.compile(checked.root());
        FlowSimulator.Simulation run = FlowSimulator.simulate(
                graph, fields.fields(), request.fieldsOrEmpty(), request.factsOrEmpty(), request.verdicts());
        List<Step> path = run.path().stream()
                .map(nodeId -> step(graph.node(nodeId), nodeId))
                .toList();
        List<EffectView> effects =
                run.effects().stream().map(e -> new EffectView(kind(e), e)).toList();
        return new SimulationView(
                path,
                effects,
                run.state().status().name(),
                run.state().customerStatus() == null
                        ? null
                        : run.state().customerStatus().code(),
                run.refusal() == null ? null : run.refusal().code(),
                run.refusal() == null ? null : run.refusal().detail());
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
     */
    record SimulateRequest(
            @Nullable Integer version,
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
    record SimulationView(
            List<Step> path,
            List<EffectView> effects,
            String outcome,
            @Nullable String customerStatus,
            @Nullable String refusal,
            @Nullable String refusalDetail) {}
}
