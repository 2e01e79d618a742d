package dev.baton.notify.internal;

/** Sends one text message; a vendor's API goes behind this, so none is wired into the channel. */
interface SmsProvider {

    boolean configured();

    /** @throws DeliveryFailure with the provider's answer */
    void send(String mobile, String text);
}
