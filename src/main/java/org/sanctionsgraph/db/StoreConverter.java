package org.sanctionsgraph.db;

/**
 * Marks a converter bean (a Spring {@code Converter} annotated as a reading or writing
 * converter) that a feature contributes to how its documents are stored or read; every
 * such bean is registered with the MongoDB mapping.
 */
public interface StoreConverter {

}
