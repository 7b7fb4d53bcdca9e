package org.nas4j.datasets.text;

/**
 * A word and its translation.
 *
 * @param source the word to translate
 * @param target its translation
 */
public record WordPair(String source, String target) {}
