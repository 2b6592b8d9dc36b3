package io.aftercare.guidance.model;

/** Where a piece of advice comes from: the article and the passage that says it. */
public record Source(String article, String title, String passage) {
}
