package dev.baton.org.internal;

import dev.baton.org.DataScope;
import java.util.List;

/** A role with its permissions and data scope, as the API shows it. */
record RoleView(
        long id,
        String code,
        String name,
        List<String> permissions,
        DataScope dataScope,
        List<Long> scopeDepartmentIds,
        boolean builtIn,
        int version) {}
