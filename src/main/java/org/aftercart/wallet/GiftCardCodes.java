package org.aftercart.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Gift card codes: 20 characters of Crockford's base 32 (100 random bits from {@link SecureRandom}),
 * printed in groups of four. Guessing one is hopeless, so an unsalted SHA-256 of the normalised
 * code is enough to find the card without storing the code. Reading is forgiving: case, spaces and
 * dashes do not count, and O, I and L read as 0, 1 and 1.
 */
final class GiftCardCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private GiftCardCodes() {}

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored and compared: upper case, separators dropped, look-alikes mapped. */
    static String normalise(String code) {
        StringBuilder normal = new StringBuilder(code.length());
        for (char c : code.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-', '\t' -> {}
                case 'O' -> normal.append('0');
                case 'I', 'L' -> normal.append('1');
                default -> normal.append(c);
            }
        }
        return normal.toString();
    }

    /** Whether the text could be a code at all (saves a database look-up for garbage). */
    static boolean wellFormed(String code) {
        String normal = normalise(code);
        return normal.length() == LENGTH && normal.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    static String hash(String code) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalise(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String lastFour(String code) {
        String normal = normalise(code);
        return normal.length() <= 4 ? normal : normal.substring(normal.length() - 4);
    }
}
