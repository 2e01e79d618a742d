package dev.baton.notify.internal;

import dev.baton.wecom.CardKeys;
import dev.baton.wecom.WeComException;
import dev.baton.wecom.WeComGateway;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * WeCom application messages: a text card whose button opens the ticket; for an assignment, a template card with
 * the ticket's number, title and priority and two buttons, 接单 (accept; WeCom calls back with its key) and 查看.
 */
@Component
class WeComChannel implements NotificationChannel {

    /** What an assignment's card needs, kept with the delivery when it is written. */
    private static final Set<String> CARD_VARIABLES = Set.of(
            "ticket.id", "ticket.number", "ticket.title", "ticket.priority", "ticket.version", "node.id", "node.name");

    private static final Map<String, String> PRIORITIES =
            Map.of("low", "低", "normal", "普通", "high", "高", "urgent", "紧急");

    private final WeComGateway wecom;
    private final NotifyProperties properties;

    WeComChannel(WeComGateway wecom, NotifyProperties properties) {
        this.wecom = wecom;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public boolean available(long tenantId) {
        return this.wecom.configured(tenantId);
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.wecomUserId()).filter(s -> !s.isBlank());
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.of(RateLimit.WECOM);
    }

    @Override
    public Map<String, String> details(String event, Map<String, String> variables) {
        if (!event.equals("assigned")) {
            return Map.of();
        }
        return variables.entrySet().stream()
                .filter(v -> CARD_VARIABLES.contains(v.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void send(Outgoing message) {
        String url = message.link() != null ? message.link() : this.properties.linkBase();
        try {
            if (card(message)) {
                this.wecom.sendTemplateCard(message.tenantId(), List.of(message.address()), acceptCard(message, url));
            } else {
                this.wecom.sendTextCard(
                        message.tenantId(),
                        List.of(message.address()),
                        new WeComGateway.TextCard(message.subject(), message.body(), url, "查看详情"));
            }
        } catch (WeComException e) {
            throw new DeliveryFailure(e.getMessage(), e.permanent());
        }
    }

    /** Only an assignment written with the ticket, node and version (older rows have none) gets the card. */
    private static boolean card(Outgoing message) {
        Map<String, String> d = message.details();
        return message.event().equals("assigned")
                && d.containsKey("ticket.id")
                && d.containsKey("node.id")
                && d.containsKey("ticket.version");
    }

    private static WeComGateway.TemplateCard acceptCard(Outgoing message, String url) {
        Map<String, String> d = message.details();
        return new WeComGateway.TemplateCard(
                taskId(message),
                message.subject(),
                message.body(),
                List.of(
                        new WeComGateway.Row("工单号", d.getOrDefault("ticket.number", "")),
                        new WeComGateway.Row("标题", d.getOrDefault("ticket.title", "")),
                        new WeComGateway.Row(
                                "优先级",
                                PRIORITIES.getOrDefault(
                                        d.getOrDefault("ticket.priority", ""), d.getOrDefault("ticket.priority", ""))),
                        new WeComGateway.Row("节点", d.getOrDefault("node.name", d.get("node.id")))),
                url,
                List.of(
                        WeComGateway.Button.callback(
                                "接单",
                                CardKeys.accept(
                                        Long.parseLong(d.get("ticket.id")),
                                        Integer.parseInt(d.get("ticket.version")),
                                        d.get("node.id"))),
                        WeComGateway.Button.link("查看", url)));
    }

    /**
     * Unique per send: WeCom refuses a task id it has seen, and a retried send (after a timeout WeCom may have
     * acted on) must not be refused for that.
     */
    private static String taskId(Outgoing message) {
        return "baton-" + message.tenantId() + "-" + message.deliveryId() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
