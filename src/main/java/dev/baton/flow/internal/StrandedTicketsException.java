package dev.baton.flow.internal;

import dev.baton.flow.InFlightTickets.Position;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Publishing refused because running tickets wait at nodes the new version does not have and the mapping
 * does not place them: 409, one error per node at {@code mapping.<nodeId>}, and the positions themselves as
 * {@code affected} (the first {@value #LISTED}; {@code affectedCount} has them all).
 */
final class StrandedTicketsException extends BatonException {

    static final int LISTED = 100;

    private final List<Position> affected;
    private final int count;

    StrandedTicketsException(List<FieldError> errors, List<Position> affected) {
        super(
                HttpStatus.CONFLICT,
                "flow-tickets-unmapped",
                errors,
                affected.stream().map(Position::ticketId).distinct().count());
        this.affected = List.copyOf(affected.subList(0, Math.min(LISTED, affected.size())));
        this.count = affected.size();
    }

    @Override
    public Object extra() {
        return Map.of("affected", this.affected, "affectedCount", this.count);
    }
}
