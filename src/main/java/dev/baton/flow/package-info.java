/**
 * Ticket flows: the definition a designer draws (a tree of {@link dev.baton.flow.Node}s), its checks
 * before publishing ({@link dev.baton.flow.FlowDefinitions}) and the immutable graph a step function
 * walks ({@link dev.baton.flow.FlowCompiler}). Plain Java with no Spring beans or storage, so every rule
 * can be tested without a context.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "template"})
package dev.baton.flow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
