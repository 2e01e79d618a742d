package dev.baton.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void scalesTheLongSideTo320AndKeepsTheAspectRatio() throws IOException {
        BufferedImage thumb = thumbnail(image(1600, 900, BufferedImage.TYPE_INT_RGB), "jpeg", "image/jpeg");
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(180);

        BufferedImage tall = thumbnail(image(300, 2000, BufferedImage.TYPE_INT_ARGB), "png", "image/png");
        assertThat(tall.getHeight()).isEqualTo(320);
        assertThat(tall.getWidth()).isEqualTo(48);
        assertThat(tall.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void smallImagesAreNotEnlarged() throws IOException {
        BufferedImage thumb = thumbnail(image(40, 30, BufferedImage.TYPE_BYTE_INDEXED), "gif", "image/gif");
        assertThat(thumb.getWidth()).isEqualTo(40);
        assertThat(thumb.getHeight()).isEqualTo(30);
    }

    @Test
    void corruptOrUnsupportedImagesGiveNoThumbnail() throws IOException {
        byte[] png = encode(image(400, 400, BufferedImage.TYPE_INT_RGB), "png");
        byte[] truncated = Arrays.copyOf(png, 60);
        assertThat(Thumbnails.create(new ByteArrayInputStream(truncated), "image/png"))
                .isEmpty();
        assertThat(Thumbnails.create(
                        new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}), "image/jpeg"))
                .isEmpty();
        assertThat(Thumbnails.create(new ByteArrayInputStream(png), "image/webp"))
                .isEmpty();
        assertThat(Thumbnails.create(new ByteArrayInputStream(png), "application/pdf"))
                .isEmpty();
    }

    private static BufferedImage thumbnail(BufferedImage source, String format, String type) throws IOException {
        byte[] thumb = Thumbnails.create(new ByteArrayInputStream(encode(source, format)), type)
                .orElseThrow();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(thumb));
        assertThat(read).isNotNull();
        return read;
    }

    static BufferedImage image(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }
}
