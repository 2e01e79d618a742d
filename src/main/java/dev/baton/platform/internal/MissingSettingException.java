package dev.baton.platform.internal;

/** A setting production start-up cannot do without; reported by {@link MissingSettingFailureAnalyzer}. */
class MissingSettingException extends RuntimeException {

    private final String action;

    MissingSettingException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    String action() {
        return this.action;
    }
}
