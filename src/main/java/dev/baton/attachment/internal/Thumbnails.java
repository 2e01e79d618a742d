package dev.baton.attachment.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small previews of JPEG, PNG and GIF images (the JDK cannot read WebP): at most {@link #MAX_SIDE}
 * pixels on the long side, JPEG for JPEG sources and PNG (keeping transparency) for the others.
 * An image that cannot be read gives no thumbnail, never an error.
 */
final class Thumbnails {

    static final int MAX_SIDE = 320;

    /** Larger images are not decoded at all (decompression bombs). */
    static final long MAX_PIXELS = 100_000_000L;

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private Thumbnails() {}

    /** Whether a thumbnail can be made of this content type. */
    static boolean supports(String contentType) {
        return contentType.equals(ContentSniffer.JPEG)
                || contentType.equals(ContentSniffer.PNG)
                || contentType.equals(ContentSniffer.GIF);
    }

    /** The content type of the thumbnail of an image of the given type. */
    static String typeFor(String contentType) {
        return contentType.equals(ContentSniffer.JPEG) ? ContentSniffer.JPEG : ContentSniffer.PNG;
    }

    /** The encoded thumbnail, or empty if the image is not supported, unreadable or too large. */
    static Optional<byte[]> create(InputStream image, String contentType) {
        if (!supports(contentType)) {
            return Optional.empty();
        }
        try {
            BufferedImage source = read(image);
            if (source == null) {
                return Optional.empty();
            }
            boolean jpeg = contentType.equals(ContentSniffer.JPEG);
            return Optional.of(encode(scale(source, !jpeg), jpeg));
        } catch (IOException | RuntimeException e) {
            // corrupt or exotic images (CMYK JPEG, broken GIF …) are still valid attachments
            log.info("no thumbnail for a {} attachment: {}", contentType, e.toString());
            return Optional.empty();
        }
    }

    /** Decodes the first frame, subsampled so that large photos do not fill the heap. */
    private static @Nullable BufferedImage read(InputStream in) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // keep at least 4× the thumbnail size so the final scaling still has pixels to average
                int step = Math.max(1, Math.max(width, height) / (MAX_SIDE * 4));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Halves the image step by step (bilinear) down to the target: sharper than one big bicubic jump. */
    static BufferedImage scale(BufferedImage source, boolean alpha) {
        int width = source.getWidth();
        int height = source.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        do {
            width = Math.max(targetWidth, width / 2);
            height = Math.max(targetHeight, height / 2);
            BufferedImage next = new BufferedImage(width, height, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                if (!alpha) {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, width, height);
                }
                g.drawImage(current, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (width != targetWidth || height != targetHeight);
        return current;
    }

    private static byte[] encode(BufferedImage image, boolean jpeg) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!jpeg) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
            return out.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
