package dev.baton;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails on a dependency the module map does not allow, on a cycle, or on use of another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BatonApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        this.modules.verify();
    }
}
