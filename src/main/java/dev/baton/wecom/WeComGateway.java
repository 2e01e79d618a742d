package dev.baton.wecom;

import java.util.List;

/** Sends WeCom application messages to members of the corp, by their WeCom user ids. */
public interface WeComGateway {

    /** Whether a corp id, agent id and secret are configured; without them nothing can be sent. */
    boolean configured();

    /**
     * Sends a text card (title, description, a link and its button) to these users.
     *
     * @throws WeComException when WeCom refuses the message or any of the users (invalid, not licensed), or
     *     cannot be reached; its message is WeCom's answer verbatim
     */
    void sendTextCard(List<String> userIds, TextCard card);

    /**
     * @param url where the card's button leads (the ticket)
     * @param buttonText the button's label, e.g. 查看详情
     */
    record TextCard(String title, String description, String url, String buttonText) {}
}
