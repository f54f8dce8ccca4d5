package org.aftercart.notifications;

/**
 * How long a text is for SMS: GSM-7 texts fit 160 characters in one message and 153 per part when
 * split; any other character makes it UCS-2, 70 characters or 67 per part. GSM-7's extension
 * characters ({@code €[]{}|~^\}) take two.
 */
record SmsLength(int characters, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    static SmsLength of(String text) {
        int gsmUnits = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmUnits++;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                gsmUnits += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return new SmsLength(gsmUnits, gsmUnits <= 160 ? 1 : (gsmUnits + 152) / 153);
        }
        int units = text.length(); // UTF-16 code units, as UCS-2 counts them
        return new SmsLength(units, units <= 70 ? 1 : (units + 66) / 67);
    }
}
