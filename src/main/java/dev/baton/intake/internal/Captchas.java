package dev.baton.intake.internal;

import static dev.baton.platform.db.Tables.INTAKE_CAPTCHAS;

import dev.baton.platform.ValidationException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Image captchas drawn on the server (java.awt, headless): five characters without look-alikes, rotated, over
 * noise lines and dots. Only the answer's hash is kept, for {@value #TTL_MINUTES} minutes, and a check consumes it
 * whether right or wrong, so one image buys one guess.
 */
@Component
class Captchas {

    static final int TTL_MINUTES = 5;
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 5;
    private static final int WIDTH = 150;
    private static final int HEIGHT = 50;

    private final SecureRandom random = new SecureRandom();
    private final DSLContext db;
    private final Clock clock;
    private final @Nullable String fixedAnswer;

    /** @param fixedAnswer for browser tests only: every captcha's answer; never set in a real profile */
    Captchas(DSLContext db, Clock clock, @Value("${baton.intake.captcha.fixed-answer:}") String fixedAnswer) {
        this.db = db;
        this.clock = clock;
        this.fixedAnswer = fixedAnswer.isBlank() ? null : fixedAnswer;
    }

    record Issued(String captchaId, String image) {}

    @Transactional
    Issued issue(long tenantId) {
        String answer = this.fixedAnswer != null ? this.fixedAnswer : randomAnswer();
        String id = UUID.randomUUID().toString();
        Instant now = this.clock.instant();
        // expired captchas nobody answered are swept as new ones are issued
        this.db
                .deleteFrom(INTAKE_CAPTCHAS)
                .where(INTAKE_CAPTCHAS.TENANT_ID.eq(tenantId), INTAKE_CAPTCHAS.EXPIRES_AT.lt(now))
                .execute();
        this.db
                .insertInto(INTAKE_CAPTCHAS)
                .set(INTAKE_CAPTCHAS.TENANT_ID, tenantId)
                .set(INTAKE_CAPTCHAS.ID, id)
                .set(INTAKE_CAPTCHAS.ANSWER_HASH, Hashes.sha256(id, normalise(answer)))
                .set(INTAKE_CAPTCHAS.EXPIRES_AT, now.plus(Duration.ofMinutes(TTL_MINUTES)))
                .execute();
        return new Issued(id, "data:image/png;base64," + Base64.getEncoder().encodeToString(draw(answer)));
    }

    /** Consumes the captcha; a 400 naming {@code captcha} unless it existed, had not expired and was answered. */
    @Transactional(noRollbackFor = ValidationException.class)
    void check(long tenantId, @Nullable String captchaId, @Nullable String answer) {
        if (captchaId == null || captchaId.length() > 36 || answer == null || answer.length() > 10) {
            throw new ValidationException("captcha", "{intake.captcha.wrong}");
        }
        var row = this.db
                .deleteFrom(INTAKE_CAPTCHAS)
                .where(INTAKE_CAPTCHAS.TENANT_ID.eq(tenantId), INTAKE_CAPTCHAS.ID.eq(captchaId))
                .returning()
                .fetchOne();
        if (row == null
                || row.getExpiresAt().isBefore(this.clock.instant())
                || !Hashes.matches(row.getAnswerHash(), captchaId, normalise(answer))) {
            throw new ValidationException("captcha", "{intake.captcha.wrong}");
        }
    }

    private static String normalise(String answer) {
        return answer.strip().toUpperCase(Locale.ROOT);
    }

    private String randomAnswer() {
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            s.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private byte[] draw(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(245, 247, 250));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 120; i++) {
                g.setColor(randomColour(150, 230));
                g.fillRect(this.random.nextInt(WIDTH), this.random.nextInt(HEIGHT), 2, 2);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            int step = (WIDTH - 20) / text.length();
            for (int i = 0; i < text.length(); i++) {
                AffineTransform saved = g.getTransform();
                int x = 12 + i * step;
                int y = 36 + this.random.nextInt(8) - 4;
                g.rotate((this.random.nextDouble() - 0.5) * 0.7, x + 10, y - 10);
                g.setColor(randomColour(20, 110));
                g.drawString(String.valueOf(text.charAt(i)), x, y);
                g.setTransform(saved);
            }
            g.setStroke(new BasicStroke(1.6f));
            for (int i = 0; i < 6; i++) {
                g.setColor(randomColour(60, 180));
                g.drawLine(
                        this.random.nextInt(WIDTH),
                        this.random.nextInt(HEIGHT),
                        this.random.nextInt(WIDTH),
                        this.random.nextInt(HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Color randomColour(int low, int high) {
        int span = high - low;
        return new Color(
                low + this.random.nextInt(span), low + this.random.nextInt(span), low + this.random.nextInt(span));
    }
}
