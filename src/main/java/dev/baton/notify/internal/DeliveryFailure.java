package dev.baton.notify.internal;

/**
 * A channel could not send; the message is the provider's answer as it came.
 *
 * @param permanent no retry can help (an unknown or unlicensed recipient): the delivery is dead at once, and an
 *     administrator may resend it after fixing the cause
 */
class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    boolean permanent() {
        return this.permanent;
    }
}
