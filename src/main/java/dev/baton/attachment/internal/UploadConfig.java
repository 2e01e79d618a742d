package dev.baton.attachment.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The upload size limit, {@code baton.attachments.max-size} (20MB by default). The servlet
 * container's multipart limits are derived from the same setting in application.yml; the service
 * checks it again so that a file just over the limit gets the same 413 problem.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfig {

    @Bean
    UploadLimit uploadLimit(@Value("${baton.attachments.max-size:20MB}") DataSize maxSize) {
        return new UploadLimit(maxSize.toBytes());
    }

    /** @param maxBytes the largest file accepted */
    record UploadLimit(long maxBytes) {}
}
