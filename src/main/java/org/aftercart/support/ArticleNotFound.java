package org.aftercart.support;

import java.util.UUID;
import org.aftercart.shared.Problem;
import org.springframework.http.HttpStatus;

public class ArticleNotFound extends Problem {

    public ArticleNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "article-not-found", "Help article not found", "No help article " + id);
    }
}
