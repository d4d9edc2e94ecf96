package cn.fupin.ledger.command.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What every uploaded file (a household register, a screening list) goes through: strict decoding, so that a file in
 * the wrong encoding is refused rather than read as garbage, and the SHA-256 its record keeps, so that a file kept
 * elsewhere can be shown to be the one recorded.
 */
public final class Uploads {

    private Uploads() {
    }

    /** The bytes as text of {@code charset}, or {@code null} when they are not valid text of it. */
    public static String decodeStrictly(byte[] content, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The SHA-256 of the bytes, in lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
