package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_RATINGS;

import dev.baton.flow.CustomerStatus;
import dev.baton.platform.ConflictException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.ticket.CustomerProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the customer does on the progress page: confirm the finished work and rate it once. Each act is a transition
 * like any other (a guarded update that bumps the version and one public event-log row, with no actor), so the staff
 * history shows it; the rating itself is also kept in {@code ticket_ratings}. Callers load the ticket locked and
 * run these in their transaction.
 */
@Component
class CustomerActs {

    static final String CONFIRM = "customer_confirm";
    static final String RATE = "customer_rate";
    static final int MAX_COMMENT = 500;

    private final TicketWriter writer;
    private final ProgressReader progress;
    private final DSLContext db;
    private final MessageSource messages;
    private final Clock clock;

    CustomerActs(TicketWriter writer, ProgressReader progress, DSLContext db, MessageSource messages, Clock clock) {
        this.writer = writer;
        this.progress = progress;
        this.db = db;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The page. Step labels are the template's where it renamed a step; the default names (which templates store
     * as the zh-CN names) are given in the caller's language.
     */
    CustomerProgress view(Loaded t) {
        ProgressReader.Progress p = this.progress.read(t);
        Locale locale = LocaleContextHolder.getLocale();
        List<CustomerProgress.Step> steps = p.steps().stream()
                .map(s -> {
                    String key = "customer-status." + s.code();
                    String standard = this.messages.getMessage(key, null, s.code(), Locale.SIMPLIFIED_CHINESE);
                    return s.label().isBlank() || s.label().equals(standard)
                            ? new CustomerProgress.Step(
                                    s.code(),
                                    this.messages.getMessage(key, null, s.code(), locale),
                                    s.reached(),
                                    s.current())
                            : s;
                })
                .toList();
        CustomerStatus status = status(t);
        Optional<CustomerProgress.Rating> rating = rating(t);
        return new CustomerProgress(
                p.number(),
                p.title(),
                p.customerStatus(),
                steps,
                p.timeline(),
                status == CustomerStatus.AWAITING_CONFIRMATION,
                finished(status) && rating.isEmpty(),
                rating.orElse(null));
    }

    CustomerProgress confirm(Loaded t) {
        if (status(t) != CustomerStatus.AWAITING_CONFIRMATION) {
            throw new ConflictException("ticket-customer-state", status(t).code(), CONFIRM);
        }
        return view(write(t, CONFIRM, CustomerStatus.DONE, null));
    }

    /** Stars and comment as given, before anything is loaded: 400 naming the field. */
    static void checkRating(int stars, @Nullable String comment) {
        List<FieldError> errors = new ArrayList<>();
        if (stars < 1 || stars > 5) {
            errors.add(new FieldError("stars", "{ticket.rating-stars}"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "{ticket.rating-comment}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    CustomerProgress rate(Loaded t, int stars, @Nullable String comment) {
        checkRating(stars, comment);
        if (status(t) == CustomerStatus.RATED || rating(t).isPresent()) {
            throw new ConflictException("ticket-already-rated");
        }
        if (!finished(status(t))) {
            throw new ConflictException("ticket-customer-state", status(t).code(), RATE);
        }
        // Rating work that still awaits confirmation confirms it: both acts appear in the history.
        Loaded confirmed =
                status(t) == CustomerStatus.AWAITING_CONFIRMATION ? write(t, CONFIRM, CustomerStatus.DONE, null) : t;
        // Kept as sanitised HTML like every comment; the history's line is the stars and the comment's text.
        String text = comment == null || comment.isBlank() ? null : RichText.sanitize(comment);
        String line = stars(stars) + (text == null ? "" : " " + RichText.plainText(text));
        Loaded rated = write(confirmed, RATE, CustomerStatus.RATED, RichText.sanitize(line));
        this.db
                .insertInto(TICKET_RATINGS)
                .set(TICKET_RATINGS.TENANT_ID, rated.row().getTenantId())
                .set(TICKET_RATINGS.TICKET_ID, rated.row().getId())
                .set(TICKET_RATINGS.STARS, (short) stars)
                .set(TICKET_RATINGS.COMMENT, text)
                .set(TICKET_RATINGS.CREATED_AT, rated.row().getUpdatedAt())
                .execute();
        return view(rated);
    }

    Optional<CustomerProgress.Rating> rating(long tenantId, long ticketId) {
        return this.db
                .selectFrom(TICKET_RATINGS)
                .where(TICKET_RATINGS.TENANT_ID.eq(tenantId), TICKET_RATINGS.TICKET_ID.eq(ticketId))
                .fetchOptional(r -> new CustomerProgress.Rating(r.getStars(), r.getComment(), r.getCreatedAt()));
    }

    private Optional<CustomerProgress.Rating> rating(Loaded t) {
        return rating(t.row().getTenantId(), t.row().getId());
    }

    /** One public, actor-less transition to {@code to}; the row is locked, so the version guard cannot fail. */
    private Loaded write(Loaded t, String action, CustomerStatus to, @Nullable String body) {
        Transition tx =
                new Transition(t, TicketAccess.system(t.row().getTenantId()).me(), action, Transition.now(this.clock));
        tx.customerStatus(to);
        tx.customerVisible = true;
        tx.body = body;
        // No field changes, so no searchable index to rewrite: the definitions are not needed.
        if (!this.writer.write(tx, List.of())) {
            throw new VersionConflictException(
                    "ticket", t.row().getId(), t.row().getVersion());
        }
        return new Loaded(tx.row, tx.fields, tx.state, tx.tasks);
    }

    private static CustomerStatus status(Loaded t) {
        return CustomerStatus.valueOf(t.row().getCustomerStatus().toUpperCase(Locale.ROOT));
    }

    private static boolean finished(CustomerStatus s) {
        return s == CustomerStatus.AWAITING_CONFIRMATION || s == CustomerStatus.DONE;
    }

    private static String stars(int n) {
        return "★".repeat(n) + "☆".repeat(5 - n);
    }
}
