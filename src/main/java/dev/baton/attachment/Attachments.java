package dev.baton.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Lets other modules check the attachment ids they are given (image and file field values). */
public interface Attachments {

    /** The attachment, if it exists in the tenant. */
    Optional<AttachmentInfo> find(long tenantId, String id);

    /** The ids among {@code ids} that are not attachments of the tenant, each once, in the order given. */
    List<String> missing(long tenantId, Collection<String> ids);
}
