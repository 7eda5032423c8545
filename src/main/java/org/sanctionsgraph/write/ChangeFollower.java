package org.sanctionsgraph.write;

import java.util.List;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import org.bson.Document;
import org.sanctionsgraph.model.RecordEvents;
import org.sanctionsgraph.model.RecordListener;
import org.sanctionsgraph.records.RecordType;
import org.sanctionsgraph.records.RecordTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * On a replica set, follows MongoDB's change stream for every registered record kind, so
 * that changes written by other instances of the app reach this instance's
 * {@link RecordListener}s (caches, the search index) too. A single instance (and the
 * embedded server, which has no stream) needs none: every write of its own reaches the
 * listeners directly.
 */
@Component
@Order(4)
class ChangeFollower implements ApplicationRunner, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

	private final RecordTypes types;

	private final MongoTemplate mongo;

	private final Transactions transactions;

	private final RecordEvents events;

	private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

	private volatile boolean running;

	ChangeFollower(RecordTypes types, MongoTemplate mongo, Transactions transactions, RecordEvents events) {
		this.types = types;
		this.mongo = mongo;
		this.transactions = transactions;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.transactions.supported()) {
			List<String> collections = this.types.all()
				.stream()
				.map(type -> RecordTypes.collection(type.documentClass()))
				.toList();
			this.cursor = this.mongo.getDb()
				.watch(List.of(Aggregates.match(Filters.in("ns.coll", collections))))
				.fullDocument(FullDocument.UPDATE_LOOKUP)
				.cursor();
			Thread follower = new Thread(this::follow, "record-change-follower");
			follower.setDaemon(true);
			follower.start();
			log.info("Following MongoDB's change stream to hear of other instances' writes");
		}
	}

	private void follow() {
		try {
			while (this.running && this.cursor != null) {
				ChangeStreamDocument<Document> change = this.cursor.tryNext();
				if (change != null && change.getFullDocument() != null && change.getNamespace() != null) {
					RecordType<?> type = this.types.inCollection(change.getNamespace().getCollectionName());
					if (type != null) {
						this.events
							.written(this.mongo.getConverter().read(type.documentClass(), change.getFullDocument()));
					}
				}
			}
		}
		catch (RuntimeException ex) {
			if (this.running) {
				log.warn(
						"Stopped following the change stream; caches and the search index are rebuilt at the next start",
						ex);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.cursor != null) {
			this.cursor.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
