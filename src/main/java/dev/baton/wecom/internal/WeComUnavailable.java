package dev.baton.wecom.internal;

import dev.baton.platform.BatonException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * WeCom could not serve a call a user (or a sync) waits for, after Baton's retries: busy (503 {@code wecom-busy},
 * WeCom's errcode -1), no answer in time (504 {@code wecom-timeout}) or unreachable (502 {@code wecom-unreachable}).
 * The problem carries WeCom's {@code errcode} when WeCom answered, and the number of {@code attempts}.
 */
class WeComUnavailable extends BatonException {

    private final @Nullable Integer errcode;
    private final int attempts;

    private WeComUnavailable(HttpStatus status, String type, @Nullable Integer errcode, int attempts, Object arg) {
        super(status, type, arg, attempts);
        this.errcode = errcode;
        this.attempts = attempts;
    }

    static WeComUnavailable busy(String answer, int attempts) {
        return new WeComUnavailable(HttpStatus.SERVICE_UNAVAILABLE, "wecom-busy", -1, attempts, answer);
    }

    static WeComUnavailable timeout(long seconds, int attempts) {
        return new WeComUnavailable(HttpStatus.GATEWAY_TIMEOUT, "wecom-timeout", null, attempts, seconds);
    }

    static WeComUnavailable unreachable(String why, int attempts) {
        return new WeComUnavailable(HttpStatus.BAD_GATEWAY, "wecom-unreachable", null, attempts, why);
    }

    @Override
    public Object extra() {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (this.errcode != null) {
            extra.put("errcode", this.errcode);
        }
        extra.put("attempts", this.attempts);
        return extra;
    }
}
