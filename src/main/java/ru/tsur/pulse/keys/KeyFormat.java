package ru.tsur.pulse.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key and its stored form, in plain code. A key reads {@code pulse_<id>_<secret>}: the
 * public id ({@code k_} and 12 base32 characters, 60 random bits) names the row, the secret is 32 bytes from
 * {@link SecureRandom} in lowercase base32 (52 characters, no padding; base32 has no {@code _}, so the key
 * splits unambiguously and survives URLs, headers and shells unquoted). Only the SHA-256 of the secret is
 * stored, compared in constant time.
 *
 * <p>Why a fast hash is right here: a slow, salted hash (bcrypt, scrypt, Argon2) exists to make guessing
 * expensive when the input is a human password from a small, guessable space. This secret is 256 uniformly
 * random bits: 2^256 guesses are out of reach at any hash speed, and no precomputed table can cover the space,
 * so a slow hash would add no protection — while it would cost milliseconds of CPU on every ingest request at
 * thousands of requests per second. A leaked {@code api_key} table therefore yields no usable key.
 */
public final class KeyFormat {

    /** The source values a key may be bound to: the ingest's own pattern for {@code source}. */
    public static final String SOURCE_PATTERN = "[a-z0-9][a-z0-9_.-]{0,63}";
    /** A public key id. */
    public static final String ID_PATTERN = "k_[a-z2-7]{12}";

    static final String PREFIX = "pulse_";
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_CHARACTERS = 52;
    private static final int ID_CHARACTERS = 12;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern KEY = Pattern.compile(
            PREFIX + "(" + ID_PATTERN + ")_([a-z2-7]{" + SECRET_CHARACTERS + "})");

    /** A freshly made key: the text shown once, its id, and the hash to store. */
    public record NewKey(String id, String key, String secretHash) {
    }

    /** A presented key split into its id and secret. */
    public record PresentedKey(String id, String secret) {
    }

    private KeyFormat() {
    }

    public static NewKey generate(SecureRandom random) {
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        String id = "k_" + base32(idBytes).substring(0, ID_CHARACTERS);
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = base32(secretBytes);
        return new NewKey(id, PREFIX + id + "_" + secret, secretHash(secret));
    }

    /** The id and secret of a presented key, or empty when it is not shaped like a key at all. */
    public static Optional<PresentedKey> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(presented.strip());
        return matcher.matches() ? Optional.of(new PresentedKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Lowercase hex SHA-256 of the secret's characters. */
    public static String secretHash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether the secret hashes to the stored hash; the comparison takes the same time wherever they differ. */
    public static boolean matches(String secret, String storedHash) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), stored);
    }

    /** RFC 4648 base32, lowercase, without padding. */
    static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte value : bytes) {
            buffer = (buffer << 8) | (value & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return text.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
