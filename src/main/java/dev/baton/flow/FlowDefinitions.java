package dev.baton.flow;

import dev.baton.flow.internal.DefinitionParser;
import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a flow definition before it is published. Errors name JSON paths such as
 * {@code $.next.branches[0].when} and carry {@code {code}} messages; every problem is reported (up to
 * {@value DefinitionParser#MAX_ERRORS}, then one {@code flow.too-many-errors}).
 *
 * <p>Limits: {@value DefinitionParser#MAX_NODES} nodes, {@value DefinitionParser#MAX_DEPTH} levels of
 * nesting (every {@code next} and every branch is a level), {@value DefinitionParser#MAX_BRANCHES}
 * branches per node, {@value DefinitionParser#MAX_CONDITIONS} condition expressions, each as in {@link dev.baton.flow.internal.Conditions}.
 */
public final class FlowDefinitions {

    private FlowDefinitions() {}

    /**
     * @param root the parsed tree, null when any problem was found
     * @param errors all problems; empty when the definition can be published
     */
    public record Result(Node.@Nullable Start root, List<FieldError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return this.errors.isEmpty();
        }
    }

    /** Parses {@code root} and checks it against the fields of the template the flow belongs to. */
    public static Result parse(@Nullable JsonNode root, List<FieldDefinition> templateFields) {
        DefinitionParser.Parsed parsed = DefinitionParser.parse(root, templateFields);
        return new Result(parsed.root(), parsed.errors());
    }
}
