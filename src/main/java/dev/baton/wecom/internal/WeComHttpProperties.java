package dev.baton.wecom.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Baton waits for WeCom and how often it asks again.
 *
 * @param connectTimeout to open a connection (and to get one from the pool)
 * @param readTimeout for WeCom's answer once the request is sent
 * @param attempts how many times a look-up (not a message send, which the outbox retries) is tried when WeCom is
 *     busy (errcode -1) or does not answer
 * @param backoff the pause before the second attempt, doubled before each further one
 */
@ConfigurationProperties("baton.wecom.http")
record WeComHttpProperties(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("200ms") Duration backoff) {}
