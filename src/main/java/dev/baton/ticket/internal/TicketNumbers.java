package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_COUNTERS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human ticket numbers, {@code GD20261123-0001}: a counter row per tenant and day, bumped inside the
 * ticket's own transaction (on PostgreSQL inside its one statement, {@link PostgresCreation}). The row lock
 * orders concurrent creations, and a creation that rolls back takes its number back with it, so numbers have no
 * gaps. Callers take the number as late as they can: the lock is held until commit.
 */
@Component
class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DSLContext db;
    private final TransactionTemplate separate;
    private final Cache<Day, Boolean> known =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private record Day(long tenantId, LocalDate day) {}

    TicketNumbers(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.separate = new TransactionTemplate(transactions);
    }

    /**
     * Makes sure the day's counter row exists, in a short transaction of its own taken before the ticket's:
     * a race on creating it then never aborts a ticket's transaction (as a failed insert does on
     * PostgreSQL), and no transaction ever waits for a second connection.
     */
    void prepare(long tenantId, LocalDate day) {
        if (this.known.getIfPresent(new Day(tenantId, day)) != null) {
            return;
        }
        try {
            this.separate.executeWithoutResult(s -> insertZero(tenantId, day));
        } catch (DuplicateKeyException e) {
            // H2 emulates "on conflict do nothing" with MERGE, which two racing creators can still collide
            // in; the row exists either way, and this transaction was only about that.
        }
        this.known.put(new Day(tenantId, day), Boolean.TRUE);
    }

    String next(long tenantId, LocalDate day) {
        Integer bumped = bump(tenantId, day);
        if (bumped == null) {
            // Only when the day turned between prepare and here.
            insertZero(tenantId, day);
            bumped = bump(tenantId, day);
        }
        if (bumped == null) {
            throw new IllegalStateException("no ticket counter for tenant " + tenantId + " on " + day);
        }
        return format(day, bumped);
    }

    /** Creates the day's counter row in the caller's transaction, if missing (the day turned since prepare). */
    void insertZero(long tenantId, LocalDate day) {
        this.db
                .insertInto(TICKET_COUNTERS)
                .set(TICKET_COUNTERS.TENANT_ID, tenantId)
                .set(TICKET_COUNTERS.ON_DAY, day)
                .set(TICKET_COUNTERS.LAST_NO, 0)
                .onConflictDoNothing()
                .execute();
    }

    private Integer bump(long tenantId, LocalDate day) {
        return this.db
                .update(TICKET_COUNTERS)
                .set(TICKET_COUNTERS.LAST_NO, TICKET_COUNTERS.LAST_NO.plus(1))
                .where(TICKET_COUNTERS.TENANT_ID.eq(tenantId), TICKET_COUNTERS.ON_DAY.eq(day))
                .returning(TICKET_COUNTERS.LAST_NO)
                .fetchOptional(TICKET_COUNTERS.LAST_NO)
                .orElse(null);
    }

    static String format(LocalDate day, int no) {
        return prefix(day) + (no < 10_000 ? String.format("%04d", no) : String.valueOf(no));
    }

    /** The part before the day's number; {@link PostgresCreation} pads the number as format does. */
    static String prefix(LocalDate day) {
        return "GD" + DAY.format(day) + "-";
    }
}
