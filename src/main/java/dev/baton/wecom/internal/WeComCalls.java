package dev.baton.wecom.internal;

import dev.baton.platform.BatonException;
import java.io.IOException;
import java.io.InterruptedIOException;
import me.chanjar.weixin.common.error.WxErrorException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a WeCom look-up (a contact, a group chat, a JS-SDK ticket, an OAuth code, a token) with a few bounded retries
 * when WeCom is busy (errcode -1) or does not answer — {@code baton.wecom.http.attempts} in all, pausing {@code
 * backoff}, then twice that. The services are {@link SingleTryWxCpService}s, so WeCom's own answer reaches here
 * verbatim and nothing else sleeps; message sends do not come through here, the notification outbox retries those
 * with its own backoff. When the attempts are spent the caller gets a {@link WeComUnavailable} (503, 504 or 502);
 * any other refusal of WeCom is thrown at once as it came, for the caller to word.
 */
@Component
class WeComCalls {

    private static final Logger log = LoggerFactory.getLogger(WeComCalls.class);
    private static final int BUSY = -1;

    /** One call to WeCom through WxJava. */
    interface Call<T> {
        T run() throws WxErrorException;
    }

    private final WeComHttpProperties http;

    WeComCalls(WeComHttpProperties http) {
        this.http = http;
    }

    <T> T call(String what, Call<T> call) throws WxErrorException {
        int attempts = Math.max(1, this.http.attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (WxErrorException e) {
                if (e.getError().getErrorCode() != BUSY) {
                    throw e;
                }
                log.info("WeCom busy on {} (attempt {} of {}): {}", what, attempt, attempts, e.getError());
                if (attempt >= attempts) {
                    throw WeComUnavailable.busy(e.getError().toString(), attempts);
                }
            } catch (RuntimeException e) {
                // WxJava wraps I/O failures (refused connection, timeout) in runtime exceptions
                IOException io = ioCause(e);
                if (e instanceof BatonException) {
                    throw e;
                }
                if (io == null) {
                    // an answer WxJava could not read (a proxy's HTML page, say): asking again will not help
                    log.warn("unreadable answer from WeCom on {}", what, e);
                    throw WeComUnavailable.unreachable(String.valueOf(e.getMessage()), attempt);
                }
                log.info("WeCom did not answer {} (attempt {} of {}): {}", what, attempt, attempts, io.toString());
                if (attempt >= attempts) {
                    throw io instanceof InterruptedIOException
                            ? WeComUnavailable.timeout(seconds(io), attempts)
                            : WeComUnavailable.unreachable(io.toString(), attempts);
                }
            }
            pause(attempt, attempts);
        }
    }

    /** The connect or the read timeout, whichever this one was (a connect timeout names "connect"). */
    private long seconds(IOException timeout) {
        boolean connect = String.valueOf(timeout.getMessage())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("connect")
                || timeout.getClass().getSimpleName().startsWith("Connect");
        var limit = connect ? this.http.connectTimeout() : this.http.readTimeout();
        return Math.max(1, Math.round(limit.toMillis() / 1000.0));
    }

    private void pause(int attempt, int attempts) {
        try {
            Thread.sleep(this.http.backoff().toMillis() << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WeComUnavailable.unreachable("interrupted", attempts);
        }
    }

    private static @Nullable IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
