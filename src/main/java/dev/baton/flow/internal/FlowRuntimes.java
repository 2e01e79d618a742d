package dev.baton.flow.internal;

import static dev.baton.platform.db.Tables.FLOWS;
import static dev.baton.platform.db.Tables.FLOW_VERSIONS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.flow.FlowCompiler;
import dev.baton.flow.FlowDefinitions;
import dev.baton.flow.FlowStepper;
import dev.baton.flow.PublishedFlows;
import dev.baton.template.TemplateCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiled published versions, cached: a version never changes, so parsing, type-checking CEL and
 * compiling happen once per version and node instead of on every ticket action. Which version is the
 * newest is cached briefly too, since every action asks; a ticket that misses a publish by a second
 * simply moves to the new version when it leaves its next node.
 */
@Service
class FlowRuntimes implements PublishedFlows {

    private record Key(long tenantId, long flowId, int version) {}

    private record FlowKey(long tenantId, long flowId) {}

    private record TemplateKey(long tenantId, long templateId) {}

    private final DSLContext db;
    private final TemplateCatalog templates;
    private final JsonMapper json;
    private final Cache<Key, Optional<Runtime>> versions =
            Caffeine.newBuilder().maximumSize(2_000).build();
    private final Cache<FlowKey, Optional<Integer>> latest = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(2))
            .build();
    private final Cache<TemplateKey, Optional<Long>> byTemplate = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(2))
            .build();

    FlowRuntimes(DSLContext db, TemplateCatalog templates, JsonMapper json) {
        this.db = db;
        this.templates = templates;
        this.json = json;
    }

    @Override
    public Optional<Runtime> forTemplate(long tenantId, long templateId) {
        Optional<Long> flowId = this.byTemplate.get(
                new TemplateKey(tenantId, templateId),
                k -> this.db
                        .select(FLOWS.ID)
                        .from(FLOWS)
                        .where(
                                FLOWS.TENANT_ID.eq(tenantId),
                                FLOWS.TEMPLATE_ID.eq(templateId),
                                FLOWS.PUBLISHED_VERSION.isNotNull())
                        .orderBy(FLOWS.UPDATED_AT.desc(), FLOWS.ID.desc())
                        .limit(1)
                        .fetchOptional(FLOWS.ID));
        return flowId.flatMap(id -> latest(tenantId, id));
    }

    @Override
    public Optional<Runtime> latest(long tenantId, long flowId) {
        Optional<Integer> newest = this.latest.get(
                new FlowKey(tenantId, flowId),
                k -> this.db
                        .select(FLOWS.PUBLISHED_VERSION)
                        .from(FLOWS)
                        .where(FLOWS.TENANT_ID.eq(tenantId), FLOWS.ID.eq(flowId))
                        .fetchOptional(FLOWS.PUBLISHED_VERSION));
        return newest.flatMap(v -> version(tenantId, flowId, v));
    }

    @Override
    public Optional<Runtime> version(long tenantId, long flowId, int versionNo) {
        return this.versions.get(new Key(tenantId, flowId, versionNo), this::load);
    }

    /** Forgets which version is newest, so this node sees its own publish at once. */
    void published(long tenantId, long flowId, long templateId) {
        this.latest.invalidate(new FlowKey(tenantId, flowId));
        this.byTemplate.invalidate(new TemplateKey(tenantId, templateId));
    }

    private Optional<Runtime> load(Key key) {
        Record3<String, Integer, String> row = this.db
                .select(FLOW_VERSIONS.DEFINITION, FLOW_VERSIONS.TEMPLATE_VERSION, FLOW_VERSIONS.NODE_MAPPING)
                .from(FLOW_VERSIONS)
                .where(
                        FLOW_VERSIONS.TENANT_ID.eq(key.tenantId()),
                        FLOW_VERSIONS.FLOW_ID.eq(key.flowId()),
                        FLOW_VERSIONS.VERSION_NO.eq(key.version()))
                .fetchOne();
        Long templateId = this.db
                .select(FLOWS.TEMPLATE_ID)
                .from(FLOWS)
                .where(FLOWS.TENANT_ID.eq(key.tenantId()), FLOWS.ID.eq(key.flowId()))
                .fetchOne(FLOWS.TEMPLATE_ID);
        if (row == null || templateId == null) {
            return Optional.empty();
        }
        var fields = this.templates
                .fieldsOf(key.tenantId(), templateId, row.value2())
                .orElseThrow(
                        () -> new IllegalStateException("template " + templateId + " v" + row.value2() + " is gone"));
        FlowDefinitions.Result parsed = FlowDefinitions.parse(this.json.readTree(row.value1()), fields.fields());
        if (!parsed.valid() || parsed.root() == null) {
            // Published versions passed these checks; failing now means the checks grew stricter.
            throw new IllegalStateException("published flow " + key + " no longer parses: " + parsed.errors());
        }
        FlowStepper stepper = new FlowStepper(FlowCompiler.compile(parsed.root()), fields.fields());
        Map<String, String> mapping = new java.util.LinkedHashMap<>();
        if (row.value3() != null) {
            this.json
                    .readTree(row.value3())
                    .properties()
                    .forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        }
        return Optional.of(new Runtime(key.flowId(), key.version(), row.value2(), stepper, mapping));
    }
}
