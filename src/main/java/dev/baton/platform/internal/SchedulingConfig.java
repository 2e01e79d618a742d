package dev.baton.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the pollers that catch up after a crash (the ticket event relay). */
@Configuration
@EnableScheduling
class SchedulingConfig {}
