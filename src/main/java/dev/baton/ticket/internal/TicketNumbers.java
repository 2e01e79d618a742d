package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_COUNTERS;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Human ticket numbers, {@code GD20261123-0001}: a counter row per tenant and day, bumped inside the
 * ticket's own transaction. The row lock orders concurrent creations, and a creation that rolls back
 * takes its number back with it, so numbers have no gaps. Callers take the number as late as they can:
 * the lock is held until commit.
 */
@Component
class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DSLContext db;

    TicketNumbers(DSLContext db) {
        this.db = db;
    }

    String next(long tenantId, LocalDate day) {
        for (int attempt = 0; ; attempt++) {
            Integer bumped = this.db
                    .update(TICKET_COUNTERS)
                    .set(TICKET_COUNTERS.LAST_NO, TICKET_COUNTERS.LAST_NO.plus(1))
                    .where(TICKET_COUNTERS.TENANT_ID.eq(tenantId), TICKET_COUNTERS.ON_DAY.eq(day))
                    .returning(TICKET_COUNTERS.LAST_NO)
                    .fetchOptional(TICKET_COUNTERS.LAST_NO)
                    .orElse(null);
            if (bumped != null) {
                return format(day, bumped);
            }
            // A failed insert would abort a PostgreSQL transaction, so a race on the day's first number
            // is settled by "do nothing" and another round of the update, which then waits its turn.
            int inserted = this.db
                    .insertInto(TICKET_COUNTERS)
                    .set(TICKET_COUNTERS.TENANT_ID, tenantId)
                    .set(TICKET_COUNTERS.ON_DAY, day)
                    .set(TICKET_COUNTERS.LAST_NO, 1)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1) {
                return format(day, 1);
            }
            if (attempt > 3) {
                throw new IllegalStateException("no ticket number for tenant " + tenantId + " on " + day);
            }
        }
    }

    static String format(LocalDate day, int no) {
        return "GD" + DAY.format(day) + "-" + (no < 10_000 ? String.format("%04d", no) : String.valueOf(no));
    }
}
