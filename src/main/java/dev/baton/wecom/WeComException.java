package dev.baton.wecom;

/**
 * WeCom refused a call or could not be reached.
 *
 * @param code WeCom's {@code errcode}, or -1 when there was no answer
 */
public class WeComException extends RuntimeException {

    private final int code;
    private final boolean permanent;

    public WeComException(int code, String message, boolean permanent) {
        super(message);
        this.code = code;
        this.permanent = permanent;
    }

    public int code() {
        return this.code;
    }

    /** Whether sending the same message again cannot help (an unknown or unlicensed user, a bad request). */
    public boolean permanent() {
        return this.permanent;
    }
}
