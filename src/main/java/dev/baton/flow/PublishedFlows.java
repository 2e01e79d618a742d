package dev.baton.flow;

import java.util.Map;
import java.util.Optional;

/**
 * Published flow versions ready to run: what the ticket module asks for when it starts a ticket and
 * on every action. Versions are immutable, so their compiled steppers are built once and cached.
 */
public interface PublishedFlows {

    /**
     * The flow new tickets of the template run, read now: the template's published flow, the one updated last
     * (then the highest id) when a template has several.
     */
    Optional<Runtime> forTemplate(long tenantId, long templateId);

    /**
     * What {@link #forTemplate} last answered on this node, without reading (read when there is no answer yet, or
     * it was none): for a write that checks in its own statement that this is still the template's flow at this
     * version, and calls {@link #forTemplate} when it is not. Another node's publish is not seen here.
     */
    Optional<Runtime> lastSeenForTemplate(long tenantId, long templateId);

    /** A published version; empty when it does not exist. */
    Optional<Runtime> version(long tenantId, long flowId, int versionNo);

    /** The newest published version of the flow; may lag a publish on another node by a second or two. */
    Optional<Runtime> latest(long tenantId, long flowId);

    /**
     * One published version.
     *
     * @param templateVersion the template version the definition was checked against
     * @param mapping where tokens of removed nodes move when a ticket on an older version moves to this
     *     one ({@code oldNodeId → newNodeId}); nodes with the same id need no entry
     */
    record Runtime(long flowId, int version, int templateVersion, FlowStepper stepper, Map<String, String> mapping) {
        public Runtime {
            mapping = Map.copyOf(mapping);
        }
    }
}
