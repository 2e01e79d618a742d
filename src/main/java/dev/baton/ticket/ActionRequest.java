package dev.baton.ticket;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of an action; which parts apply depends on the action.
 *
 * @param expectedVersion the ticket version the caller saw; required except for {@code comment} and {@code urge}
 * @param nodeId the node acted on, when the ticket holds several positions (parallel branches)
 * @param fields field values to save or submit
 * @param comment a comment, or the reason for reject, suspend, close, reopen and cancel (rich text)
 * @param visibility {@code internal} (default) or {@code public} for a comment the customer sees
 * @param targetUserId the user for {@code transfer} and {@code add_handler}
 * @param targetNodeId the node for {@code return}
 */
public record ActionRequest(
        @Nullable Integer expectedVersion,
        @Nullable String nodeId,
        @Nullable Map<String, @Nullable Object> fields,
        @Nullable String comment,
        @Nullable String visibility,
        @Nullable Long targetUserId,
        @Nullable String targetNodeId) {

    public static ActionRequest at(int expectedVersion) {
        return new ActionRequest(expectedVersion, null, null, null, null, null, null);
    }
}
