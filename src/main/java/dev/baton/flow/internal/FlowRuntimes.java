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
 * simply moves to the new version when it leaves its next node. Which flow a template's new tickets run is
 * remembered until this node publishes it again, for creations whose insert checks it (PostgreSQL); others read it.
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
    /** Only answers that name a flow: "no flow" is read again, so another node's first publish is seen. */
    private final Cache<TemplateKey, FlowAt> lastSeen =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private record FlowAt(long flowId, int version) {}

    FlowRuntimes(DSLContext db, TemplateCatalog templates, JsonMapper json) {
        this.db = db;
        this.templates = templates;
        this.json = json;
    }

    @Override
    public Optional<Runtime> forTemplate(long tenantId, long templateId) {
        TemplateKey key = new TemplateKey(tenantId, templateId);
        // The order TicketStore's numbered insert checks on PostgreSQL: keep the two the same.
        Optional<FlowAt> now = this.db
                .select(FLOWS.ID, FLOWS.PUBLISHED_VERSION)
                .from(FLOWS)
                .where(
                        FLOWS.TENANT_ID.eq(tenantId),
                        FLOWS.TEMPLATE_ID.eq(templateId),
                        FLOWS.PUBLISHED_VERSION.isNotNull())
                .orderBy(FLOWS.UPDATED_AT.desc(), FLOWS.ID.desc())
                .limit(1)
                .fetchOptional(r -> new FlowAt(r.value1(), r.value2()));
        now.ifPresentOrElse(at -> this.lastSeen.put(key, at), () -> this.lastSeen.invalidate(key));
        return now.flatMap(at -> version(tenantId, at.flowId(), at.version()));
    }

    @Override
    public Optional<Runtime> lastSeenForTemplate(long tenantId, long templateId) {
        FlowAt at = this.lastSeen.getIfPresent(new TemplateKey(tenantId, templateId));
        return at == null ? forTemplate(tenantId, templateId) : version(tenantId, at.flowId(), at.version());
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
        this.lastSeen.invalidate(new TemplateKey(tenantId, templateId));
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
