package org.aftercart.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The order people expect a product's variants in: clothing sizes from small to large (XS, S, M,
 * L, XL, not alphabetically), numeric sizes by their number (36 before 110), anything else
 * alphabetically. Options ("M / Blue") are compared one by one, in the order they are written.
 */
final class VariantOrder implements Comparator<ProductVariant> {

    private static final List<String> SIZES =
            List.of("XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "2XL", "XXXL", "3XL", "4XL");

    @Override
    public int compare(ProductVariant a, ProductVariant b) {
        int byTitle = a.productTitle().compareToIgnoreCase(b.productTitle());
        if (byTitle != 0) {
            return byTitle;
        }
        String[] left = a.optionValues().split("\\s*/\\s*");
        String[] right = b.optionValues().split("\\s*/\\s*");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int byOption = compareOption(left[i].strip(), right[i].strip());
            if (byOption != 0) {
                return byOption;
            }
        }
        int byLength = Integer.compare(left.length, right.length);
        return byLength != 0 ? byLength : a.sku().compareTo(b.sku());
    }

    private static int compareOption(String a, String b) {
        int sizeA = SIZES.indexOf(a.toUpperCase(Locale.ROOT));
        int sizeB = SIZES.indexOf(b.toUpperCase(Locale.ROOT));
        if (sizeA >= 0 && sizeB >= 0) {
            return Integer.compare(sizeA, sizeB);
        }
        if (a.matches("\\d+(\\.\\d+)?") && b.matches("\\d+(\\.\\d+)?")) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareToIgnoreCase(b);
    }
}
