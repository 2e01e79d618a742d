/** Uploaded files: storage, content-type sniffing, size limit and thumbnails; ids that field values reference. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db"})
package dev.baton.attachment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
