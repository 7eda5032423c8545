package org.sanctionsgraph.write;

import java.util.function.Supplier;

import com.mongodb.MongoCommandException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.MongoTransactionManager;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs writes in a multi-document transaction where the server supports them (a replica
 * set or a sharded cluster), and directly where it does not (the embedded server),
 * deciding once, on the first write, from the server's {@code isMaster} answer.
 */
@Component
public class Transactions {

	private static final Logger log = LoggerFactory.getLogger(Transactions.class);

	private final MongoTemplate mongo;

	private final TransactionTemplate template;

	private final HistoryOrder order;

	private volatile Boolean supported;

	Transactions(MongoTemplate mongo, MongoDatabaseFactory factory, HistoryOrder order) {
		this.mongo = mongo;
		this.template = new TransactionTemplate(new MongoTransactionManager(factory));
		this.order = order;
	}

	/**
	 * Runs a write that stores history, in this instance's history order (see
	 * {@link HistoryOrder}): committed before the next such write starts.
	 */
	<R> R run(Supplier<R> block) {
		return this.order.run(() -> supported() ? this.template.execute(status -> block.get()) : block.get());
	}

	/**
	 * Whether the server is a replica set member or a router. Asked with
	 * {@code isMaster}, which MongoDB still answers and the embedded server knows too (it
	 * has no {@code hello} command).
	 */
	private boolean replicaSetOrCluster() {
		try {
			Document hello = this.mongo.getDb().runCommand(new Document("isMaster", 1));
			return hello.containsKey("setName") || "isdbgrid".equals(hello.getString("msg"));
		}
		catch (MongoCommandException ex) {
			return false;
		}
	}

	public boolean supported() {
		Boolean known = this.supported;
		if (known == null) {
			known = replicaSetOrCluster();
			this.supported = known;
			log.info(known ? "Writes run in MongoDB transactions"
					: "The server has no transactions: writes use single-document updates with a history outbox");
		}
		return known;
	}

}
