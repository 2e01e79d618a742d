package dev.baton.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.baton.attachment.AttachmentStorage;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionOperations;

/** The size limit and the checks before anything is stored, with a small limit (no Spring context). */
class UploadLimitTest {

    private final UploadConfig.UploadLimit limit = new UploadConfig.UploadLimit(10);
    private final AttachmentService service = new AttachmentService(
            mock(AttachmentRepository.class),
            mock(AttachmentStorage.class),
            mock(AuditTrail.class),
            TransactionOperations.withoutTransaction(),
            Clock.systemUTC(),
            this.limit);

    @Test
    void aFileAtTheLimitIsAcceptedOneByteMoreIs413() {
        assertThat(this.service.check(file(10))).isNotNull();

        assertThatThrownBy(() -> this.service.check(file(11))).isInstanceOfSatisfying(BatonException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(e.type()).isEqualTo("payload-too-large");
            assertThat(e.args()).containsExactly(10L);
        });
    }

    @Test
    void aMissingOrEmptyFileIsA400OnTheFieldFile() {
        assertThatThrownBy(() -> this.service.check(null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("file", "{validation.required}")));
        assertThatThrownBy(() -> this.service.check(file(0)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("file", "{attachment.empty}")));
    }

    private static MockMultipartFile file(int size) {
        return new MockMultipartFile("file", "a.bin", "application/octet-stream", new byte[size]);
    }
}
