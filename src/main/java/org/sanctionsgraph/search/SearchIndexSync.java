package org.sanctionsgraph.search;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import org.bson.Document;
import org.sanctionsgraph.organization.Organization;
import org.sanctionsgraph.party.Party;
import org.sanctionsgraph.person.Person;
import org.sanctionsgraph.program.Program;
import org.sanctionsgraph.write.RecordListener;
import org.sanctionsgraph.write.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index current. At start-up (after the seed story is loaded) it rebuilds the index
 * when it is missing or stale. On a replica set it then follows MongoDB's change stream, so that
 * changes written by other instances of the app reach this instance's index (and every other
 * {@link RecordListener}, such as the party directory) too; a single instance (and the embedded
 * server) needs no stream, as every write of its own reaches the listeners directly.
 */
@Component
@Order(3)
class SearchIndexSync implements ApplicationRunner, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexSync.class);

	private static final Map<String, Class<?>> COLLECTIONS = Map.of("people", Person.class, "organizations",
			Organization.class, "parties", Party.class, "programs", Program.class);

	private final SearchIndex index;

	private final MongoTemplate mongo;

	private final Transactions transactions;

	private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

	private volatile boolean running;

	private final ObjectProvider<RecordListener> listeners;

	SearchIndexSync(SearchIndex index, MongoTemplate mongo, Transactions transactions,
			ObjectProvider<RecordListener> listeners) {
		this.index = index;
		this.listeners = listeners;
		this.mongo = mongo;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.index.ensureCurrent();
		if (this.transactions.supported()) {
			this.cursor = this.mongo.getDb()
				.watch(List.of(Aggregates.match(Filters.in("ns.coll", COLLECTIONS.keySet()))))
				.fullDocument(FullDocument.UPDATE_LOOKUP)
				.cursor();
			Thread follower = new Thread(this::follow, "search-index-follower");
			follower.setDaemon(true);
			follower.start();
			log.info("Following MongoDB's change stream to keep the search index current");
		}
	}

	private void follow() {
		try {
			while (this.running && this.cursor != null) {
				ChangeStreamDocument<Document> change = this.cursor.tryNext();
				if (change != null && change.getFullDocument() != null && change.getNamespace() != null) {
					Class<?> type = COLLECTIONS.get(change.getNamespace().getCollectionName());
					Object record = this.mongo.getConverter().read(type, change.getFullDocument());
					this.listeners.orderedStream().forEach(listener -> listener.written(record));
				}
			}
		}
		catch (RuntimeException ex) {
			if (this.running) {
				log.warn("Stopped following the change stream; the index is rebuilt at the next start", ex);
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
