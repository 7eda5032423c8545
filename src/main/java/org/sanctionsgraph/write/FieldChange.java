package org.sanctionsgraph.write;

/**
 * One field of a record before and after a change, each as JSON text (null when absent).
 */
public record FieldChange(String field, String before, String after) {
}
