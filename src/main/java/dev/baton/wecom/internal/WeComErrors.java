package dev.baton.wecom.internal;

import java.util.Set;

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
}
