package org.sanctionsgraph.measure;

/** Whether a measure is a sanction or a countermeasure answering other measures. */
public enum MeasureKind {

	SANCTION, COUNTERMEASURE

}
