package dev.baton.support;

import dev.baton.intake.SmsSender;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Keeps the last verification code texted to each phone (tests use a phone of their own), for tests that type it in. */
public final class RecordingSmsSender implements SmsSender {

    private final Map<String, String> last = new ConcurrentHashMap<>();

    @Override
    public void sendVerificationCode(long tenantId, String phone, String code) {
        this.last.put(phone, code);
    }

    public @Nullable String lastCode(String phone) {
        return this.last.get(phone);
    }
}
