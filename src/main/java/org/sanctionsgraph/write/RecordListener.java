package org.sanctionsgraph.write;

/** Told about every record the writer has just stored, after the write (and its transaction) succeeded. */
public interface RecordListener {

	void written(Object record);

}
