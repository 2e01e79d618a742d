package dev.baton.flow;

import java.util.List;

/**
 * Who a task or approval tells when it is entered (JSON {@code notify}), and on which channels. A recipient is
 * {@value #ASSIGNEE} (the handler, or the approvers whose turn it is), {@value #CREATOR}, or any other word as a
 * role code (every active holder of that role).
 *
 * @param onEnter recipients, in the order written, without duplicates
 * @param channels channel codes ({@code wecom}, {@code email}, {@code inapp}, …); none means nothing is sent
 */
public record NotifySettings(List<String> onEnter, List<String> channels) {

    public static final String ASSIGNEE = "assignee";
    public static final String CREATOR = "creator";
    public static final NotifySettings NONE = new NotifySettings(List.of(), List.of());

    public NotifySettings {
        onEnter = List.copyOf(onEnter);
        channels = List.copyOf(channels);
    }

    /** Whether anything would be sent. */
    public boolean sends() {
        return !this.onEnter.isEmpty() && !this.channels.isEmpty();
    }
}
