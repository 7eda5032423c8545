package org.sanctionsgraph.model;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells every {@link RecordListener} what happened to stored records. */
@Component
public class RecordEvents {

	private final ObjectProvider<RecordListener> listeners;

	public RecordEvents(ObjectProvider<RecordListener> listeners) {
		this.listeners = listeners;
	}

	public void written(Object record) {
		this.listeners.orderedStream().forEach(listener -> listener.written(record));
	}

	public void writtenAll(List<?> records) {
		this.listeners.orderedStream().forEach(listener -> listener.writtenAll(records));
	}

	public void loaded(Class<?> documentClass) {
		this.listeners.orderedStream().forEach(listener -> listener.loaded(documentClass));
	}

	public void missed() {
		this.listeners.orderedStream().forEach(RecordListener::missed);
	}

}
