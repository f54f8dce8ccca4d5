package org.aftercart.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.aftercart.catalog.Catalog;
import org.aftercart.catalog.ProductVariant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Catalog", description = "Sellable variants by SKU")
@RestController
@RequestMapping("/api/v1/variants")
class CatalogApiController {

    private final Catalog catalog;

    CatalogApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Active variants, by SKU, a page at a time")
    @GetMapping
    Map<String, Object> list(
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        List<ProductVariant> variants = catalog.list(offset, limit);
        return Map.of("offset", offset, "count", variants.size(), "variants", variants);
    }

    @GetMapping("/{sku}")
    ProductVariant get(@PathVariable String sku) {
        return catalog.findBySku(sku)
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No variant " + sku),
                        null));
    }
}
