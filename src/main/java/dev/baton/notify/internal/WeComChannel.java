package dev.baton.notify.internal;

import dev.baton.wecom.WeComException;
import dev.baton.wecom.WeComGateway;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** WeCom application messages: a text card whose button opens the ticket. */
@Component
class WeComChannel implements NotificationChannel {

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
    public boolean available() {
        return this.wecom.configured();
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
    public void send(Outgoing message) {
        String url = message.link() != null ? message.link() : this.properties.linkBase();
        try {
            this.wecom.sendTextCard(
                    List.of(message.address()),
                    new WeComGateway.TextCard(message.subject(), message.body(), url, "查看详情"));
        } catch (WeComException e) {
            throw new DeliveryFailure(e.getMessage(), e.permanent());
        }
    }
}
