/** Attachment internals: local directory storage, repository, controller, sniffing and thumbnails. */
@NullMarked
package dev.baton.attachment.internal;

import org.jspecify.annotations.NullMarked;
