package org.aftercart.platform;

/**
 * A link of a page's language switch: the language's code, its name in itself ("Français"), the
 * address of the page in that language, and whether it is the page's language now.
 */
public record LanguageLink(String code, String label, String href, boolean current) {}
