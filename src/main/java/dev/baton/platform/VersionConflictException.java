package dev.baton.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** Optimistic lock failure: someone else changed the resource; the problem carries its version. */
public class VersionConflictException extends BatonException {

    private final int currentVersion;

    public VersionConflictException(String resource, Object id, int currentVersion) {
        super(HttpStatus.CONFLICT, "version-conflict", resource, String.valueOf(id), currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return this.currentVersion;
    }

    @Override
    public Object extra() {
        return Map.of("currentVersion", this.currentVersion);
    }
}
