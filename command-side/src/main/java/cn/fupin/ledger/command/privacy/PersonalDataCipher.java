package cn.fupin.ledger.command.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal numbers (ID and bank card numbers) before they enter an event, with AES-256-GCM under a key
 * from configuration. Each ciphertext is bound to its household and field (the associated data), so a ciphertext
 * copied onto another household or field does not decrypt. Format: {@code v1:<base64(nonce || ciphertext+tag)>}.
 *
 * <p>Two keys are derived from the configured one with HMAC-SHA256: one encrypts, the other makes keyed
 * fingerprints for the uniqueness index, so that no plain number and no unkeyed hash of one is ever stored.
 */
public final class PersonalDataCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey 32 bytes of key material */
    public PersonalDataCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("the personal-data key must be 32 bytes (256 bits)");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "personal-data encryption v1"), "AES");
        this.fingerprintKey = new SecretKeySpec(derive(masterKey, "personal-data fingerprint v1"), "HmacSHA256");
    }

    /** Reads a key written as base64 (44 characters for 32 bytes). */
    public static PersonalDataCipher fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("no personal-data key is configured (ledger.personal-data.key)");
        }
        return new PersonalDataCipher(Base64.getDecoder().decode(base64Key.strip()));
    }

    public String encrypt(String plain, String cardNo, String field) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(cardNo, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String ciphertext, String cardNo, String field) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a v1 personal-data ciphertext");
        }
        byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(cardNo, field));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be decrypted: wrong key or altered ciphertext");
        }
    }

    /** A keyed fingerprint of a personal number, for the uniqueness index: equal numbers, equal fingerprints. */
    public String fingerprint(String kind, String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + plain).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] associatedData(String cardNo, String field) {
        return ("household:" + cardNo + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
