package dev.baton.wecom.internal;

import dev.baton.platform.BatonException;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.http.HttpStatus;

/** Which WeCom error codes no retry can cure. */
final class WeComErrors {

    /**
     * 40003 invalid user id, 40056 invalid agent id, 60011 no permission, 81013 every recipient invalid, 81019
     * invalid recipients, 82001 every recipient invalid or not licensed (codes from WeCom's global error list).
     */
    private static final Set<Integer> PERMANENT = Set.of(40003, 40056, 60011, 81013, 81019, 82001);

    private WeComErrors() {}

    static boolean permanent(int code) {
        return PERMANENT.contains(code);
    }

    /** WeCom's refusal of a call a user is waiting for, as a 502 problem with WeCom's answer verbatim. */
    static BatonException refused(WxErrorException e) {
        return new BatonException(
                HttpStatus.BAD_GATEWAY, "wecom-refused", e.getError().toString());
    }
}
