package dev.baton.wecom.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback encryption (企业微信回调加解密): the signature is the SHA-1 of the sorted token, timestamp, nonce
 * and ciphertext; the ciphertext is AES-256-CBC under the 43-character EncodingAESKey (base64 without its '='), IV =
 * the key's first 16 bytes, padded PKCS#7 to 32 bytes, over {@code random(16) | length(4, big-endian) | message |
 * receive id}. Written here rather than taken from WxJava because its decryption does not compare the receive id
 * and compares signatures with {@code equals}: a callback must prove both, and in constant time.
 */
final class CallbackCrypto {

    private static final int BLOCK = 32;

    private CallbackCrypto() {}

    /** A decrypted callback: the message and the corp (receive id) it was encrypted for. */
    record Opened(String message, String receiveId) {}

    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    static void verify(String token, String timestamp, String nonce, String encrypted, String signature)
            throws Refused {
        String[] parts = {token, timestamp, nonce, encrypted};
        Arrays.sort(parts);
        byte[] expected = sha1Hex(String.join("", parts)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("signature mismatch");
        }
    }

    static Opened open(String encodingAesKey, String encrypted) throws Refused {
        byte[] key = key(encodingAesKey);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new Refused("not decryptable: " + e.getMessage());
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new Refused("bad padding");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        int end = 20 + length;
        if (length < 0 || end > plain.length - pad) {
            throw new Refused("bad message length");
        }
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String receiveId = new String(plain, end, plain.length - pad - end, StandardCharsets.UTF_8);
        return new Opened(message, receiveId);
    }

    /** Whether the text is a usable EncodingAESKey: 43 characters of base64 that decode to 32 bytes. */
    static boolean validKey(String encodingAesKey) {
        try {
            return encodingAesKey.length() == 43 && key(encodingAesKey).length == 32;
        } catch (Refused e) {
            return false;
        }
    }

    private static byte[] key(String encodingAesKey) throws Refused {
        try {
            return Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new Refused("bad EncodingAESKey");
        }
    }

    static String sha256Hex(String text) {
        return digest("SHA-256", text);
    }

    private static String sha1Hex(String text) {
        return digest("SHA-1", text);
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
