package dev.baton.notify.internal;

import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A template must name a known event and channel, compile, and use only known variables. */
@Component
class TemplateChecks {

    private final MessageSource messages;

    TemplateChecks(MessageSource messages) {
        this.messages = messages;
    }

    void check(NotificationTemplates.Command cmd, boolean identity) {
        List<FieldError> errors = new ArrayList<>();
        if (identity) {
            if (cmd.event() == null || !Events.known(cmd.event())) {
                errors.add(new FieldError("event", "{notify.event.unknown}"));
            }
            if (cmd.channel() == null
                    || Channel.ofCode(cmd.channel())
                            .filter(Channel.PERSONAL::contains)
                            .isEmpty()) {
                errors.add(new FieldError("channel", "{notify.channel.unknown}"));
            }
        }
        text("subject", cmd.subject(), 500, errors);
        text("body", cmd.body(), 4000, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Checks one text: present, short enough, compiles, known variables. */
    void text(String field, @Nullable String text, int max, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "{notify.template.blank}"));
            return;
        }
        if (text.length() > max) {
            errors.add(new FieldError(field, "{notify.template.too-long}"));
            return;
        }
        Template template;
        try {
            template = TemplateText.compile(text);
        } catch (MustacheException e) {
            errors.add(new FieldError(field, message("notify.template.syntax", e.getMessage())));
            return;
        }
        for (String name : TemplateText.names(template)) {
            if (!TemplateText.VARIABLES.contains(name)) {
                errors.add(new FieldError(
                        field,
                        message("notify.template.unknown-variable", name, String.join(", ", TemplateText.VARIABLES))));
            }
        }
    }

    private String message(String code, Object... args) {
        return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
