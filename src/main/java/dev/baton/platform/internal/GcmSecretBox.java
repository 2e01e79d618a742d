package dev.baton.platform.internal;

import dev.baton.platform.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * {@link SecretBox} over Spring Security's {@code Encryptors.delux} (AES-256-GCM, PBKDF2-derived key, random IV).
 * The key is {@code baton.security.secrets-key} when set, else the token-signing secret, so a demo installation needs
 * no extra setting; changing it makes the stored credentials unreadable (the tenant enters them again). Keys for other
 * purposes (the portal's link signatures) are HKDF-derived from the same key, so no key serves two purposes.
 */
@Component
class GcmSecretBox implements SecretBox {

    /** Fixed: the random IV of each value is what makes two seals of one secret differ. */
    private static final String SALT = HexFormat.of().formatHex("baton-secret-box".getBytes(StandardCharsets.UTF_8));

    private final TextEncryptor encryptor;
    private final byte[] master;

    GcmSecretBox(Environment env, SecretKey tokenSigningKey) {
        String key = env.getProperty("baton.security.secrets-key", "");
        String password = key.isBlank() ? new String(tokenSigningKey.getEncoded(), StandardCharsets.UTF_8) : key;
        this.encryptor = Encryptors.delux(password, SALT);
        this.master = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] derivedKey(String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(
                this.master,
                "baton-derived-key".getBytes(StandardCharsets.UTF_8),
                purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    @Override
    public String seal(String plain) {
        return this.encryptor.encrypt(plain);
    }

    @Override
    public String open(String sealed) {
        try {
            return this.encryptor.decrypt(sealed);
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored secret cannot be opened with this installation's key", e);
        }
    }
}
